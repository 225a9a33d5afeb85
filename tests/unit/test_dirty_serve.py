"""`make serve` rebuilds only edited pages (--dirty); anything else a page is made from, or a page
added or removed, must rebuild everything. This is the check that decides."""
import os
import time
from types import SimpleNamespace

import playbook_site


def project(tmp_path):
    for folder in ("docs", "data", "hooks", "overrides"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs/page.md").write_text("# Page\n")
    (tmp_path / "data/roles.yml").write_text("audience: customer\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"),
                             watch=[str(tmp_path / "data"), str(tmp_path / "hooks"), str(tmp_path / "overrides")])
    return config


def later(path, moment):
    os.utime(path, (moment + 5, moment + 5))


def test_a_page_edit_alone_rebuilds_only_that_page(tmp_path):
    config = project(tmp_path)
    moment = time.time()
    later(tmp_path / "docs/page.md", moment)
    assert not playbook_site._inputs_changed_since(moment, config)


def test_data_templates_hooks_config_and_new_pages_rebuild_everything(tmp_path):
    for changed in ("data/roles.yml", "mkdocs.yml", "docs"):
        config = project(tmp_path / changed.replace("/", "-"))
        moment = time.time()
        later(tmp_path / changed.replace("/", "-") / changed, moment)
        assert playbook_site._inputs_changed_since(moment, config), changed
    config = project(tmp_path / "new-hook")
    moment = time.time()
    (tmp_path / "new-hook/hooks/extra.py").write_text("")
    later(tmp_path / "new-hook/hooks", moment)
    assert playbook_site._inputs_changed_since(moment, config)
