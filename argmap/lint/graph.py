"""Graph helpers for the rules, iterative so that deep maps cannot overflow the stack."""

from __future__ import annotations


def strongly_connected(successors: dict[str, list]) -> list[list[str]]:
    """Tarjan's strongly connected components of the graph whose edges are the
    relations in `successors[node]` (each with a `.target`)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in successors:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        _visit(root, index, low, stack, on_stack)
        while work:
            node, edges = work[-1]
            advanced = False
            for relation in edges:
                target = relation.target
                if target not in index:
                    _visit(target, index, low, stack, on_stack)
                    work.append((target, iter(successors.get(target, ()))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                components.append(_pop_component(node, stack, on_stack))
    return components


def _visit(node, index, low, stack, on_stack) -> None:
    index[node] = low[node] = len(index)
    stack.append(node)
    on_stack.add(node)


def _pop_component(root: str, stack: list[str], on_stack: set[str]) -> list[str]:
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component
