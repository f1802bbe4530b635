"""Strips comments and indentation from the JavaScript that build.sh ships
inside the bundles (the embed scripts, the single file): the sources and
wasm-bindgen's glue are mostly comments (its glue repeats the Rust docs), a
quarter of the embed script's JavaScript once gzipped.

Only what cannot change meaning goes: comments, each line's leading and
trailing blanks, blank lines. Line breaks stay (automatic semicolon
insertion sees the same lines), and so do strings, template literals and
regular expressions, read by a small lexer that tells a regex from a
division by the token before it. `check` lexes the result again and
compares its tokens with the input's: build.sh refuses a bundle whose code
changed.

    python3 www/jsstrip.py --test     # the lexer's own cases
"""

import re
import sys

# After these a `/` starts a regular expression (anything else: division).
_REGEX_AFTER_WORDS = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"}
_PUNCT = re.compile(r">>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\+=|-=|\*=|/=|%=|&=|\|=|\^=|\*\*|<<|>>|[{}()\[\];,<>+\-*/%&|^!~?:=.@#]")
_WORD = re.compile(r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*")
_NUMBER = re.compile(r"0[xXoObB][0-9a-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?")


def _string(src, i):
    """End of the string literal opening at src[i] (a quote)."""
    q = src[i]
    i += 1
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == q:
            return i + 1
        if c == "\n":
            raise ValueError("unterminated string at %d" % i)
        i += 1
    raise ValueError("unterminated string")


def _regex(src, i):
    """End of the regular expression opening at src[i] (a slash), flags included."""
    i += 1
    in_class = False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            raise ValueError("unterminated regex at %d" % i)
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "/":
            i += 1
            while i < len(src) and (src[i].isalnum() or src[i] in "_$"):
                i += 1
            return i
        i += 1
    raise ValueError("unterminated regex")


def tokens(src):
    """The source as (kind, text) pairs: 'comment', 'space', 'newline',
    'string', 'template', 'regex', 'word', 'number', 'punct'."""
    out = []
    i = 0
    # Brace depth at each open template substitution (`${ … }`).
    templates = []
    depth = 0
    last = None  # the last significant token
    while i < len(src):
        c = src[i]
        start = i
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = len(src) if j < 0 else j
            out.append(("comment", src[start:i]))
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            if j < 0:
                raise ValueError("unterminated comment")
            i = j + 2
            out.append(("comment", src[start:i]))
            continue
        if c == "\n":
            out.append(("newline", c))
            i += 1
            continue
        if c in " \t\r\f\v\u00a0\ufeff":
            while i < len(src) and src[i] in " \t\r\f\v\u00a0\ufeff":
                i += 1
            out.append(("space", src[start:i]))
            continue
        if c in "'\"":
            i = _string(src, i)
            tok = ("string", src[start:i])
        elif c == "`" or (c == "}" and templates and templates[-1] == depth):
            # A template literal, or its text after a substitution closes.
            if c == "}":
                templates.pop()
            i += 1
            while True:
                if i >= len(src):
                    raise ValueError("unterminated template")
                if src[i] == "\\":
                    i += 2
                elif src[i] == "`":
                    i += 1
                    break
                elif src.startswith("${", i):
                    i += 2
                    templates.append(depth)
                    break
                else:
                    i += 1
            tok = ("template", src[start:i])
        elif c == "/" and (last is None or last[0] == "punct" and last[1] not in (")", "]", "}")
                           or last[0] == "word" and last[1] in _REGEX_AFTER_WORDS):
            i = _regex(src, i)
            tok = ("regex", src[start:i])
        elif m := _NUMBER.match(src, i) if c.isdigit() or (c == "." and src[i + 1:i + 2].isdigit()) else None:
            i = m.end()
            tok = ("number", m.group())
        elif m := _WORD.match(src, i):
            i = m.end()
            tok = ("word", m.group())
        elif m := _PUNCT.match(src, i):
            i = m.end()
            tok = ("punct", m.group())
            if tok[1] == "{":
                depth += 1
            elif tok[1] == "}":
                depth -= 1
        else:
            raise ValueError("unexpected %r at %d" % (c, i))
        out.append(tok)
        last = tok
    if templates:
        raise ValueError("unterminated template substitution")
    return out


def strip(src):
    """`src` without comments, indentation, trailing blanks or blank lines."""
    lines = [[]]
    for kind, text in tokens(src):
        if kind == "newline":
            lines.append([])
        elif kind == "comment":
            # A block comment spanning lines still separates its lines.
            if "\n" in text:
                lines.append([])
            elif lines[-1] and lines[-1][-1] != " ":
                lines[-1].append(" ")
        elif kind == "space":
            if lines[-1] and lines[-1][-1] != " ":
                lines[-1].append(" ")
        else:
            # A multi-line template keeps its own lines.
            lines[-1].append(text)
    out = []
    for parts in lines:
        line = "".join(parts).strip(" ")
        if line:
            out.append(line)
    return "\n".join(out) + "\n"


def code(src):
    """The tokens that matter, comments and blanks aside."""
    return [t for t in tokens(src) if t[0] not in ("comment", "space", "newline")]


def check(src):
    """`strip(src)`, refused unless its code is exactly `src`'s."""
    out = strip(src)
    if code(out) != code(src):
        raise ValueError("stripping changed the code")
    return out


def _test():
    cases = [
        ("a = b / c; // x\n", "a = b / c;\n"),
        ("x = /\\/\\/[/]/g.test(s) /* y */ ;", "x = /\\/\\/[/]/g.test(s) ;\n"),
        ("if (a) return /re/.exec(s)\n", "if (a) return /re/.exec(s)\n"),
        ("u = 'http://x' + \"//\";\n", "u = 'http://x' + \"//\";\n"),
        ("t = `a ${b + `c ${d}`} // e`;\n", "t = `a ${b + `c ${d}`} // e`;\n"),
        ("f(a)\n  /* multi\n line */\n  (b)\n", "f(a)\n(b)\n"),
        ("s = (a) / 2 / (b)\n", "s = (a) / 2 / (b)\n"),
        ("o = { a: 1 } / 2;\n", "o = { a: 1 } / 2;\n"),
        ("x = a\n++b\n", "x = a\n++b\n"),
        ("n = 1.5e3 / .5 /x/g\n", None),
    ]
    for src, want in cases:
        got = check(src)
        if want is not None:
            assert got == want, (src, got, want)
    print("jsstrip: %d cases ok" % len(cases))


if __name__ == "__main__":
    if sys.argv[1:] == ["--test"]:
        _test()
    else:
        for path in sys.argv[1:]:
            with open(path, encoding="utf-8") as f:
                sys.stdout.write(check(f.read()))
