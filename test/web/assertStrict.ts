// node:assert/strict for the web tests bundle: the strict mode of the `assert` package (Node's assert for browsers).
import assert from 'assert';

export = assert.strict;
