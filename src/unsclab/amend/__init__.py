"""Could a design pass? The Article 108 amendment game.

- :mod:`unsclab.amend.positions` — blocs and declared positions, each citing its source;
- :mod:`unsclab.amend.support` — the parameterised support model of each member state;
- :mod:`unsclab.amend.game` — General Assembly adoption (129 of 193) and ratification by two
  thirds of the members including all five permanent members (Charter Art. 108);
- :mod:`unsclab.amend.apriori` — the GA's two-thirds game in power-index terms since 1945;
- :mod:`unsclab.amend.backtest` — GA resolution 1991 A (XVIII) of 1963, predicted vote by vote.
"""
