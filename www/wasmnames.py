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

    python3 www/wasmnames.py --test     # the section rewriter's own cases
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
    print("wasmnames: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--test"]:
        _test()
    else:
        sys.exit("usage: python3 www/wasmnames.py --test")
