"""ovop-assess plugin: the NIB1 rule (firms hold a valid NIB)."""
