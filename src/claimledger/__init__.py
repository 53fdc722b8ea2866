"""claimledger: who claimed what, through whom, how hedged, who denied it."""

__version__ = "0.1.0"
