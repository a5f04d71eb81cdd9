// An empty script: Node's own start-up, for comparison.
