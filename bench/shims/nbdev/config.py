"Stand-in for `nbdev.config.get_config`: `config_path` = the folder holding pyproject.toml above the cwd."
from pathlib import Path
from types import SimpleNamespace
def get_config(*a, **k):
    p = Path.cwd().resolve()
    for d in (p, *p.parents):
        if (d / "pyproject.toml").exists(): return SimpleNamespace(config_path=d, lib_path=d / "a3_nb", nbs_path=d / "nbs")
    return SimpleNamespace(config_path=p, lib_path=p / "a3_nb", nbs_path=p / "nbs")
