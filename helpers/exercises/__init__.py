"""Exercise definitions, one module per notebook."""
