"""One module per `cchc` sub-command; `cchc.cli` registers them."""
