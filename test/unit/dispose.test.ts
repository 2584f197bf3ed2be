import * as assert from 'node:assert/strict';
import { Disposable, disposeAll, toDisposable } from '../../src/core/util/dispose';

class Owner extends Disposable {
  register(resource: { dispose(): void }) {
    return this._register(resource);
  }
}

describe('Disposable', () => {
  it('disposes what it registered, newest first, once', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.register(toDisposable(() => order.push('a')));
    owner.register(toDisposable(() => order.push('b')));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['b', 'a']);
    assert.equal(owner.isDisposed, true);
  });

  it('disposes a resource registered after dispose() at once', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = 0;
    owner.register({ dispose: () => disposed++ });
    assert.equal(disposed, 1);
  });

  it('disposes every resource even when one throws, then rethrows', () => {
    let disposed = 0;
    assert.throws(
      () => disposeAll([{ dispose: () => disposed++ }, { dispose: () => { throw new Error('boom'); } }, { dispose: () => disposed++ }]),
      /boom/,
    );
    assert.equal(disposed, 2);
  });
});
