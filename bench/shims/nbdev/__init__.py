"Minimal stand-in for nbdev (see bench/shims/README.md)."
