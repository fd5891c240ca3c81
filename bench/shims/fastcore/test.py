"Stand-in for `fastcore.test` (used only where fastcore is not installed): same names, same pass/fail semantics."
import contextlib, io, re, warnings

def _is_arr(x): return hasattr(x, "__array__") or hasattr(x, "shape") and hasattr(x, "dtype")

def equals(a, b):
    "fastcore-style deep equality: tensors/arrays elementwise-all, containers recursively."
    if a is b: return True
    if _is_arr(a) or _is_arr(b):
        try:
            import torch
            if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
                a, b = torch.as_tensor(a), torch.as_tensor(b)
                return a.shape == b.shape and bool((a == b.to(a.device)).all())
        except ImportError: pass
        import numpy as np
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and bool((a == b).all())
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equals(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(equals(x, y) for x, y in zip(a, b))
    return a == b

def test(a, b, cmp, cname=None):
    "`assert cmp(a, b)`"
    assert cmp(a, b), f"{cname or getattr(cmp, '__name__', 'cmp')}:\n{a}\n{b}"

def test_eq(a, b): test(a, b, equals, "==")
def test_ne(a, b): test(a, b, lambda x, y: not equals(x, y), "!=")
def test_is(a, b): test(a, b, lambda x, y: x is y, "is")
def test_eq_type(a, b):
    test_eq(a, b); test_eq(type(a), type(b))

def _close(a, b, eps):
    try:
        import torch
        if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
            a, b = torch.as_tensor(a).float(), torch.as_tensor(b).float()
            return bool(((a - b.to(a.device)).abs() < eps).all())
    except ImportError: pass
    if isinstance(a, (list, tuple)): return all(_close(x, y, eps) for x, y in zip(a, b))
    import numpy as np
    return bool((np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float)) < eps).all())

def test_close(a, b, eps=1e-5): test(a, b, lambda x, y: _close(x, y, eps), f"close (eps={eps})")

def test_fail(f, msg='', contains='', args=None, kwargs=None):
    "Fail unless `f()` raises an exception whose text contains `contains`."
    try: f(*(args or []), **(kwargs or {}))
    except Exception as e:
        assert not contains or contains in str(e), f"{e!r} does not contain {contains!r}"
        return
    assert False, f"Expected exception but none raised. {msg}"

def test_warns(f, show=False):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always"); f()
        assert w, "No warnings raised"

def test_stdout(f, exp, regex=False):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf): f()
    s = buf.getvalue().rstrip("\n")
    if regex: assert re.search(exp, s), f"{s!r} !~ {exp!r}"
    else: test_eq(s, exp)
