"""Gives a wasm-bindgen module's imports short names, in the wasm and in
its glue alike (build.sh, after wasm-bindgen).

wasm-bindgen names each import after its Rust shim plus a 16-hex-digit
hash (`__wbg_set_font_js_91afbb5cdc3d5c20`, from module
`./callchart_bg.js`), and each name is written twice: in the wasm's import
section and as a key of the glue's import object. The hashes do not
compress (~0.8 KB gzipped of the viewer's wasm, ~0.7 KB of its glue).
Here every import of that module becomes `a`.`<n>` (`a`, `b`, … `Z`,
`ba`, …) in the wasm's import section, and the glue's keys follow: each
old key must appear exactly once in the glue (as `name:`), or the build
fails. Nothing else in the module changes (the import's kind and type stay
byte for byte).

`dead(wasm)` empties, in rustc's module before wasm-opt, the functions
that only a JS closure or a future of the crate's could reach, which it
never makes (tests/size_guards.rs keeps `Closure` and futures out of
src/): wasm-bindgen's closure invoke shims and js-sys's JSPI task waker.
rustc puts them in the function table because wasm-bindgen's descriptors
of js-sys's imports take their addresses, so neither wasm-opt nor
wasm-bindgen can tell they are unused (~3.7 KB of the viewer's wasm). Each
becomes `unreachable`, found by its name in the name section; the
descriptors (`describe_invoke`, which wasm-bindgen runs) stay as they are.

`sort_functions(wasm)` puts the module's functions in order of their size's
power of two, then of their bytes, so that alike code sits within gzip's 32 KB window (the
compilers order them by where they were defined); calls, exports, the
start function and the table's entries are renumbered to match.

    python3 www/wasmnames.py --test     # the section rewriters' own cases
    python3 www/wasmnames.py --dead IN.wasm OUT.wasm
"""

import sys

MODULE = "./callchart_bg.js"
_DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _leb(b, i):
    """The unsigned LEB128 at b[i] and the index after it."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def _uleb(n):
    out = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        if n:
            out.append(x | 0x80)
        else:
            out.append(x)
            return bytes(out)


def _name(b, i):
    n, i = _leb(b, i)
    return b[i:i + n].decode("utf-8"), i + n


def _vec(s):
    s = s.encode("utf-8")
    return _uleb(len(s)) + s


def _limits(b, i):
    flag = b[i]
    _, i = _leb(b, i + 1)
    if flag & 1:
        _, i = _leb(b, i)
    return i


def short(k):
    """The k-th short name: a … Z, ba, bb, …"""
    s = ""
    while True:
        s = _DIGITS[k % len(_DIGITS)] + s
        k //= len(_DIGITS)
        if not k:
            return s


def _imports(wasm, j, end):
    """Rewrites the import section's body wasm[j:end]: (new body, {old: new})."""
    count, k = _leb(wasm, j)
    body, mapping = bytearray(_uleb(count)), {}
    for _ in range(count):
        mod, k = _name(wasm, k)
        field, k = _name(wasm, k)
        desc, kind = k, wasm[k]
        k += 1
        if kind == 0:  # function: a type index
            _, k = _leb(wasm, k)
        elif kind == 1:  # table: a reference type and limits
            k = _limits(wasm, k + 1)
        elif kind == 2:  # memory: limits
            k = _limits(wasm, k)
        elif kind == 3:  # global: a value type and mutability
            k += 2
        else:
            raise ValueError(f"unknown import kind {kind}")
        if mod == MODULE:
            mod, field = "a", mapping.setdefault(field, short(len(mapping)))
        body += _vec(mod) + _vec(field) + wasm[desc:k]
    if k != end:
        raise ValueError("the import section does not end where its size says")
    return bytes(body), mapping


def rename(wasm, js):
    """(wasm, glue) with MODULE's imports renamed, and how many there were."""
    if wasm[:8] != b"\0asm\1\0\0\0":
        raise ValueError("not a wasm module")
    out, i, mapping = bytearray(wasm[:8]), 8, {}
    while i < len(wasm):
        sid = wasm[i]
        size, j = _leb(wasm, i + 1)
        end = j + size
        if sid == 2:
            body, mapping = _imports(wasm, j, end)
            out += bytes([2]) + _uleb(len(body)) + body
        else:
            out += wasm[i:end]
        i = end
    for old, new in mapping.items():
        if js.count(old + ":") != 1:
            raise ValueError(f"the glue names import {old} {js.count(old + ':')} times, not once")
        js = js.replace(old + ":", new + ":")
    key = f'"{MODULE}": import0'
    if mapping and js.count(key) != 1:
        raise ValueError(f"the glue's import object has no single {key!r}")
    return bytes(out), js.replace(key, '"a": import0'), len(mapping)


# Mangled-name prefixes of the functions `dead` empties.
DEAD = (
    "_ZN12wasm_bindgen7convert8closures1_6invoke17h",
    "_ZN6js_sys7futures4jspi10task_waker",
    "_ZN6js_sys7futures4jspi11SpawnedTask4wake17h",
)


def _sections(wasm):
    """(id, start, body start, end) of each section."""
    i = 8
    while i < len(wasm):
        size, j = _leb(wasm, i + 1)
        yield wasm[i], i, j, j + size
        i = j + size


def _function_names(wasm):
    """{function index: name} from the name section (empty without one)."""
    for sid, _, j, end in _sections(wasm):
        if sid != 0:
            continue
        custom, k = _name(wasm, j)
        while custom == "name" and k < end:
            sub, (size, k) = wasm[k], _leb(wasm, k + 1)
            if sub == 1:
                count, q = _leb(wasm, k)
                names = {}
                for _ in range(count):
                    idx, q = _leb(wasm, q)
                    names[idx], q = _name(wasm, q)
                return names
            k += size
    return {}


def _imported_functions(wasm):
    """How many functions the module imports (they come first in the index space)."""
    for sid, _, j, _ in _sections(wasm):
        if sid == 2:
            return _function_imports(wasm, j)
    return 0


def _function_imports(wasm, j):
    count, k = _leb(wasm, j)
    n = 0
    for _ in range(count):
        _, k = _name(wasm, k)
        _, k = _name(wasm, k)
        kind = wasm[k]
        k += 1
        if kind == 0:
            _, k = _leb(wasm, k)
            n += 1
        elif kind == 1:
            k = _limits(wasm, k + 1)
        elif kind == 2:
            k = _limits(wasm, k)
        else:
            k += 2
    return n


def dead(wasm):
    """(wasm with the DEAD functions' bodies `unreachable`, how many)."""
    names, first = _function_names(wasm), _imported_functions(wasm)
    if not names:
        raise ValueError("the module has no function names")
    out, killed = bytearray(wasm[:8]), 0
    for sid, i, j, end in _sections(wasm):
        if sid != 10:
            out += wasm[i:end]
            continue
        count, k = _leb(wasm, j)
        body = bytearray(_uleb(count))
        for f in range(count):
            size, b = _leb(wasm, k)
            if names.get(first + f, "").startswith(DEAD):
                body += bytes([3, 0, 0x00, 0x0B])  # no locals; unreachable; end
                killed += 1
            else:
                body += wasm[k:b + size]
            k = b + size
        out += bytes([10]) + _uleb(len(body)) + body
    return bytes(out), killed


def _sleb(b, i):
    """The index after the signed LEB128 at b[i]."""
    while b[i] & 0x80:
        i += 1
    return i + 1


def _blocktype(b, i):
    if b[i] == 0x40 or b[i] in (0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F):
        return i + 1
    return _sleb(b, i)  # a type index (multi-value)


# Opcodes without immediates (control, drop/select, every numeric one with
# sign extension, ref.is_null), and those with one LEB128 index (branches,
# locals, globals, tables).
_PLAIN_OPS = {0x00, 0x01, 0x05, 0x0B, 0x0F, 0x1A, 0x1B, 0xD1} | set(range(0x45, 0xC5))
_ONE_INDEX_OPS = {0x0C, 0x0D, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26}
# 0xFC's sub-opcodes: how many LEB128 indices and then fixed bytes follow.
_FC_OPS = {**{k: (0, 0) for k in range(8)}, 8: (1, 1), 9: (1, 0), 10: (0, 2), 11: (0, 1),
           12: (2, 0), 13: (1, 0), 14: (2, 0), 15: (1, 0), 16: (1, 0), 17: (1, 0)}


def _after(b, op, j):
    """The index after the immediates of `op` (its opcode byte before j)."""
    if op in _PLAIN_OPS:
        return j
    if op in (0x02, 0x03, 0x04):
        return _blocktype(b, j)
    if op in _ONE_INDEX_OPS:
        return _leb(b, j)[1]
    if op == 0x0E:  # br_table: n labels and the default
        n, j = _leb(b, j)
        for _ in range(n + 1):
            j = _leb(b, j)[1]
        return j
    if op == 0x11 or 0x28 <= op <= 0x3E:  # call_indirect; loads and stores
        return _leb(b, _leb(b, j)[1])[1]
    if op == 0x1C:  # select with types
        n, j = _leb(b, j)
        return j + n
    fixed = {0x3F: 1, 0x40: 1, 0x43: 4, 0x44: 8, 0xD0: 1}
    if op in fixed:
        return j + fixed[op]
    if op in (0x41, 0x42):
        return _sleb(b, j)
    if op == 0xFC:
        sub, j = _leb(b, j)
        if sub not in _FC_OPS:
            raise ValueError(f"unknown instruction 0xFC {sub}")
        indices, extra = _FC_OPS[sub]
        for _ in range(indices):
            j = _leb(b, j)[1]
        return j + extra
    raise ValueError(f"unknown opcode {op:#x}")


def remap_body(b, start, end, new):
    """The body b[start:end] (locals, code) with its `call` and `ref.func`
    targets mapped by `new`; every other instruction is skipped by its
    immediates (MVP, bulk memory, reference types, sign extension,
    saturating truncation, multi-value blocks: what build.sh enables)."""
    n, i = _leb(b, start)
    for _ in range(n):
        i = _leb(b, i)[1] + 1  # a count and a value type
    out = bytearray(b[start:i])
    while i < end:
        op = b[i]
        if op in (0x10, 0xD2):  # call, ref.func
            f, i = _leb(b, i + 1)
            out += bytes([op]) + _uleb(new[f])
            continue
        j = _after(b, op, i + 1)
        out += b[i:j]
        i = j
    if i != end:
        raise ValueError("a function body ends inside an instruction")
    return bytes(out)


def _plain_globals(wasm, j):
    """Whether every global starts as a number constant or another global."""
    count, k = _leb(wasm, j)
    for _ in range(count):
        k += 2  # value type, mutability
        op = wasm[k]
        if op in (0x41, 0x42):
            k = _sleb(wasm, k + 1)
        elif op in (0x43, 0x44):
            k += 1 + (4 if op == 0x43 else 8)
        elif op == 0x23:
            _, k = _leb(wasm, k + 1)
        else:
            return False
        if wasm[k] != 0x0B:
            return False
        k += 1
    return True


def sort_functions(wasm, key=lambda body: (len(body).bit_length(), body)):
    """The module with its defined functions in `key` order of their bodies
    (by default by the power of two of their size, then by their bytes, so
    that gzip's window holds alike code: ~1% of the viewer gzipped, ~0.7% of
    the engine; sizes in steps of 64 bytes or the bytes alone did less). Calls, `ref.func`, exports, the start function and the element
    segments (kind 0 only: build.sh fails on others) follow; the table keeps
    its slots, so function pointers in memory stay right."""
    secs = {sid: (j, end) for sid, _, j, end in _sections(wasm)}
    first = _function_imports(wasm, secs[2][0]) if 2 in secs else 0
    count, k = _leb(wasm, secs[3][0])
    types = []
    for _ in range(count):
        t, k = _leb(wasm, k)
        types.append(t)
    n, k = _leb(wasm, secs[10][0])
    if n != count:
        raise ValueError("the code and function sections differ in length")
    bodies = []
    for _ in range(count):
        size, k = _leb(wasm, k)
        bodies.append((k, k + size))
        k += size
    order = sorted(range(count), key=lambda f: key(wasm[bodies[f][0]:bodies[f][1]]))
    new = list(range(first + count))
    for pos, f in enumerate(order):
        new[first + f] = first + pos
    out = bytearray(wasm[:8])
    for sid, _, j, end in _sections(wasm):
        if sid == 3:
            body = _uleb(count) + b"".join(_uleb(types[f]) for f in order)
        elif sid == 10:
            body = bytearray(_uleb(count))
            for f in order:
                b = remap_body(wasm, *bodies[f], new)
                body += _uleb(len(b)) + b
        elif sid == 7:
            body = _exports(wasm, j, new)
        elif sid == 8:
            body = _uleb(new[_leb(wasm, j)[0]])
        elif sid == 9:
            body = _elements(wasm, j, new)
        elif sid == 6 and not _plain_globals(wasm, j):
            raise ValueError("a global's initial value is no constant (a ref.func?)")
        else:
            body = wasm[j:end]
        out += bytes([sid]) + _uleb(len(body)) + body
    return bytes(out)


def without_custom(wasm):
    """The module without its custom sections (wasm-bindgen leaves rustc's
    `target_features`, 107 bytes no browser reads)."""
    return wasm[:8] + b"".join(wasm[i:end] for sid, i, _, end in _sections(wasm) if sid != 0)


def _exports(wasm, j, new):
    count, k = _leb(wasm, j)
    body = bytearray(_uleb(count))
    for _ in range(count):
        _, n = _name(wasm, k)
        kind = wasm[n]
        idx, after = _leb(wasm, n + 1)
        body += wasm[k:n + 1] + _uleb(new[idx] if kind == 0 else idx)
        k = after
    return bytes(body)


def _elements(wasm, j, new):
    """The element section (active segments of table 0 with an i32.const
    offset and function indices: what wasm-bindgen writes) with `new` indices."""
    count, k = _leb(wasm, j)
    body = bytearray(_uleb(count))
    for _ in range(count):
        kind, k = _leb(wasm, k)
        if kind != 0 or wasm[k] != 0x41:
            raise ValueError(f"an element segment of kind {kind} (only 0 with an i32.const offset is read)")
        e = _sleb(wasm, k + 1)
        if wasm[e] != 0x0B:
            raise ValueError("an element segment's offset is no single i32.const")
        body += _uleb(0) + wasm[k:e + 1]
        n, k = _leb(wasm, e + 1)
        body += _uleb(n)
        for _ in range(n):
            idx, k = _leb(wasm, k)
            body += _uleb(new[idx])
    return bytes(body)


def _test():
    assert [short(k) for k in (0, 1, 25, 26, 51, 52, 53)] == ["a", "b", "z", "A", "Z", "ba", "bb"]
    for n in (0, 1, 127, 128, 300, 1 << 20):
        assert _leb(_uleb(n), 0) == (n, len(_uleb(n)))
    # A module importing a function, a table and a memory from MODULE and
    # one function from elsewhere; a type section before, a custom one after.
    types = bytes([1]) + _uleb(4) + bytes([1, 0x60, 0, 0])
    imps = [(MODULE, "__wbg_f_0123456789abcdef", bytes([0, 0])),
            (MODULE, "__wbindgen_externrefs", bytes([1, 0x6F, 0, 2])),
            ("env", "keep", bytes([0, 0])),
            (MODULE, "mem", bytes([2, 1, 1, 0x80, 0x01]))]
    body = _uleb(len(imps)) + b"".join(_vec(m) + _vec(f) + d for m, f, d in imps)
    custom = bytes([0]) + _uleb(4) + _vec("cus")
    wasm = b"\0asm\1\0\0\0" + types + bytes([2]) + _uleb(len(body)) + body + custom
    js = '{"./callchart_bg.js": import0}\n__wbg_f_0123456789abcdef: function() {}, __wbindgen_externrefs: x, mem: m'
    new, glue, n = rename(wasm, js)
    assert n == 3
    assert glue == '{"a": import0}\na: function() {}, b: x, c: m', glue
    want = [("a", "a", bytes([0, 0])), ("a", "b", bytes([1, 0x6F, 0, 2])), ("env", "keep", bytes([0, 0])), ("a", "c", bytes([2, 1, 1, 0x80, 0x01]))]
    nbody = _uleb(4) + b"".join(_vec(m) + _vec(f) + d for m, f, d in want)
    assert new == b"\0asm\1\0\0\0" + types + bytes([2]) + _uleb(len(nbody)) + nbody + custom
    try:
        rename(wasm, js + " __wbg_f_0123456789abcdef: again")
    except ValueError:
        pass
    else:
        raise AssertionError("a name the glue holds twice must fail")
    # dead(): a module importing one function, defining three (the second a
    # closure invoke shim), with a name section naming them.
    code = [bytes([1, 1, 0x7F, 0x41, 7, 0x1A, 0x0B]), bytes([0, 0x41, 1, 0x1A, 0x0B]), bytes([0, 0x0B])]
    code_sec = _uleb(3) + b"".join(_uleb(len(c)) + c for c in code)
    names = {0: "imp", 1: "_ZN4mine1f17h0E", 2: DEAD[0] + "0123456789abcdefE", 3: "_ZN4mine1g17h0E"}
    sub = _uleb(len(names)) + b"".join(_uleb(k) + _vec(v) for k, v in names.items())
    name_sec = _vec("name") + bytes([1]) + _uleb(len(sub)) + sub
    imp = _uleb(1) + _vec("env") + _vec("imp") + bytes([0, 0])
    module = (b"\0asm\1\0\0\0" + types + bytes([2]) + _uleb(len(imp)) + imp
              + bytes([10]) + _uleb(len(code_sec)) + code_sec + bytes([0]) + _uleb(len(name_sec)) + name_sec)
    out, n = dead(module)
    assert n == 1
    code[1] = bytes([0, 0x00, 0x0B])
    code_sec = _uleb(3) + b"".join(_uleb(len(c)) + c for c in code)
    assert out == (b"\0asm\1\0\0\0" + types + bytes([2]) + _uleb(len(imp)) + imp
                   + bytes([10]) + _uleb(len(code_sec)) + code_sec + bytes([0]) + _uleb(len(name_sec)) + name_sec)
    # sort_functions(): A (1) calls B (2), C (3) and the import (0); sorted
    # by bytes B, C, A become 1, 2, 3, and every reference follows.
    def sec(sid, body):
        return bytes([sid]) + _uleb(len(body)) + body

    def module(funcs, code, export, start, elems):
        return (b"\0asm\1\0\0\0" + types + sec(2, imp) + sec(3, _uleb(len(funcs)) + bytes(funcs))
                + sec(4, bytes([1, 0x70, 0, 4])) + sec(6, bytes([1, 0x7F, 1, 0x41, 0x0B, 0x0B]))
                + sec(7, _uleb(1) + _vec("a") + bytes([0, export])) + sec(8, bytes([start]))
                + sec(9, bytes([1, 0, 0x41, 1, 0x0B, len(elems)] + elems))
                + sec(10, _uleb(len(code)) + b"".join(_uleb(len(c)) + c for c in code)))
    a = bytes([0, 0x10, 2, 0x10, 3, 0x10, 0, 0x41, 0x90, 0x01, 0x1A, 0x0B])
    b, c = bytes([0, 0x01, 0x01, 0x0B]), bytes([0, 0x0B])
    before = module([0, 0, 0], [a, b, c], 1, 2, [1, 3])
    a2 = bytes([0, 0x10, 1, 0x10, 2, 0x10, 0, 0x41, 0x90, 0x01, 0x1A, 0x0B])
    assert sort_functions(before, key=bytes) == module([0, 0, 0], [b, c, a2], 3, 1, [3, 2])
    # By default by size first: C (2 bytes), B (4), A (12).
    assert sort_functions(before) == module([0, 0, 0], [c, b, a2.replace(bytes([0x10, 1, 0x10, 2]), bytes([0x10, 2, 0x10, 1]))], 3, 2, [3, 1])
    assert without_custom(before + b"\0\4\3abc") == before
    print("wasmnames: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--test"]:
        _test()
    elif len(sys.argv) == 4 and sys.argv[1] == "--dead":
        wasm, n = dead(open(sys.argv[2], "rb").read())
        if not n:
            sys.exit(f"{sys.argv[2]}: none of the functions wasmnames.DEAD names")
        with open(sys.argv[3], "wb") as f:
            f.write(wasm)
    else:
        sys.exit("usage: python3 www/wasmnames.py --test | --dead IN.wasm OUT.wasm")
