"Minimal stand-in for fastcore (see bench/shims/README.md); only `fastcore.test` is provided."
