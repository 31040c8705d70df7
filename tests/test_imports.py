"""The source imports in one direction: no module of Rehearse reaches itself through imports.

Type-only imports count too, as they do for a reader. The contracts in pyproject.toml
(``lint-imports``) say which layers may import which; this test says there are no circles at
all, which import-linter's contracts cannot say of a whole tree.
"""

from __future__ import annotations

import grimp


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph("rehearse")
    circles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=imported, imported=module)
    ]
    assert not circles, "imports that close a circle (module -> what leads back): " + ", ".join(
        f"{module} -> {imported}" for module, imported in circles
    )
