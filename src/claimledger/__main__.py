"""`python -m claimledger`: the same as the `claimledger` command."""

from claimledger.cli import main

main()
