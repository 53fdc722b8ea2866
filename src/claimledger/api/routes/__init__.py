"""One routes file per resource."""
