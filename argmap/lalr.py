"""Running the grammar's LALR(1) tables (argmap/tables.py) over a token stream.

This is the loop of Lark's LALR parser, given the tables Lark computed, and it
builds the same values that a Lark parser with an inline transformer builds:
each named rule's handler gets the rule's children, with tokens named _X left
out and rules named _x spliced in. Written for argmap, it skips what Lark's
loop does for every token or reduction and argmap does not need (assertions,
callback wrappers, comparisons of rule objects): parsing spends about half as
long in it, and Lark need not be imported at all."""

from __future__ import annotations

from .tables import DROP, KEEP, SPLICE, Tables

END = "$END"


class UnexpectedToken(Exception):
    """The token stream does not fit the grammar (the layout pass is meant to
    make this unreachable)."""

    def __init__(self, token, expected: list[str]):
        where = f"line {token.line}, column {token.column}" if token is not None else "the end"
        super().__init__(f"unexpected {getattr(token, 'type', END)} at {where}; "
                         f"expected one of {', '.join(sorted(expected))}")
        self.token, self.expected = token, expected


class _End:
    type = END
    line = column = None


class Parser:
    """The tables with a handler per named rule: `handlers[name](children)`."""

    def __init__(self, tables: Tables, handlers: dict):
        self.actions, self.start, self.end = tables.actions, tables.start, tables.end
        self.reductions = [(rule.origin, len(rule.plan), _collector(rule.plan),
                            None if rule.origin.startswith("_") else handlers[rule.origin])
                           for rule in tables.rules]

    def parse(self, tokens):
        """The value of the start rule for `tokens` (objects with a `.type`)."""
        actions, reductions = self.actions, self.reductions
        # `state` is the top of `states`, kept in a local: it is read at every step.
        state = self.start
        states, values = [state], []
        token = None
        for token in tokens:
            kind = token.type
            while True:
                action = actions[state].get(kind)
                if action is None:
                    raise UnexpectedToken(token, _expected(actions[state]))
                if action >= 0:  # shift
                    states.append(action)
                    values.append(token)
                    state = action
                    break
                # A reduction, written out here rather than called: it runs
                # about twice per line.
                origin, size, collect, handler = reductions[-1 - action]
                if size == 1:  # most reductions: a node line, or a list's first item
                    children = [values.pop()]
                    states.pop()
                elif size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                else:
                    children = []
                if collect is not None:
                    children = collect(children)
                state = actions[states[-1]][origin]
                states.append(state)
                values.append(children if handler is None else handler(children))
        # The end of input: reduce until the start rule is complete.
        while True:
            action = actions[states[-1]].get(END)
            if action is None or action >= 0:
                raise UnexpectedToken(token, _expected(actions[states[-1]]))
            origin, size, collect, handler = reductions[-1 - action]
            children = values[-size:] if size else []
            del states[len(states) - size:]
            del values[len(values) - size:]
            if collect is not None:
                children = collect(children)
            value = children if handler is None else handler(children)
            state = actions[states[-1]][origin]
            if state == self.end:
                return value
            states.append(state)
            values.append(value)


def _expected(row: dict) -> list[str]:
    return [symbol for symbol in row if symbol.isupper() or symbol == END]


def _collector(plan: tuple[int, ...]):
    """The function that turns the values of a rule's symbols into its children."""
    if all(step == KEEP for step in plan):
        return None  # the slice taken off the value stack is already the children
    if plan == (SPLICE, KEEP):
        return _append  # `items: items item`, the list helper of `*` and `+`
    if plan == (SPLICE, SPLICE):
        return _extend  # the same, for items that are inlined rules (`_attachment*`)
    if plan == (KEEP, DROP, SPLICE, DROP):
        return _with_children  # `child: NODE_LINE _INDENT child+ _DEDENT`
    if plan == (KEEP, SPLICE):
        return _prepend  # a node line and its attachments, `child: NODE_LINE _attachment*`
    spliced = [index for index, step in enumerate(plan) if step == SPLICE]
    if len(spliced) == 1 and all(step == DROP for step in plan if step != SPLICE):
        index = spliced[0]
        return lambda values: values[index]  # e.g. `start: (heading | claim | anchor)*`

    def collect(values):
        children = []
        for step, value in zip(plan, values, strict=True):
            if step == KEEP:
                children.append(value)
            elif step == SPLICE:
                children.extend(value)
        return children

    return collect


def _append(values):
    # The left-hand list belongs to this rule alone (it came off the stack), so
    # it is extended in place: a list of n items costs n steps, not n squared.
    items = values[0]
    items.append(values[1])
    return items


def _extend(values):
    items = values[0]
    items.extend(values[1])
    return items


def _prepend(values):
    return [values[0], *values[1]]


def _with_children(values):
    return [values[0], *values[2]]
