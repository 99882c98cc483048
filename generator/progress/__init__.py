"""The plan through the year: the 台账 ledger out and in, progress files, status."""
