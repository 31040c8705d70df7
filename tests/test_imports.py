"""How the code imports: no module of Rehearse reaches itself, and the tests' helpers are
their own (tests/support), not the benchmarks'.

Type-only imports count too, as they do for a reader. The contracts in pyproject.toml
(``lint-imports``) say which layers may import which; these say what import-linter's
contracts cannot say of a whole tree. grimp is import-linter's own import graph.
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


def test_only_the_benchmarks_tests_import_the_benchmarks() -> None:
    graph = grimp.build_graph("tests", "bench")
    reaching = sorted(
        f"{module} -> {imported}"
        for module in graph.modules
        if _in(module, "tests") and not _in(module, "tests.bench")
        for imported in graph.find_modules_directly_imported_by(module)
        if _in(imported, "bench") or _in(imported, "tests.bench")
    )
    assert not reaching, "tests outside tests/bench that import bench: " + ", ".join(reaching)


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")
