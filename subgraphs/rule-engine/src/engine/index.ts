// The gray-rule engine is its own package: the SDK runtime evaluates the same rules without importing this subgraph.
export * from '@grove/gray-rules';
