import { fuse } from './hybrid-retriever.service';

describe('fuse (reciprocal rank fusion)', () => {
  it('puts first what both rankings rank high, keeps full text ahead on a tie, and adds what only vectors found', () => {
    // Vectors count half: first by text and third by vectors beats second and first.
    expect(fuse(['a', 'b', 'c'], ['b', 'd', 'a'])).toEqual(['a', 'b', 'c', 'd']);
    expect(fuse(['a', 'b', 'c'], ['b', 'd', 'a'], 1)).toEqual(['b', 'a', 'd', 'c']);
    expect(fuse(['a', 'b'], [])).toEqual(['a', 'b']);
    expect(fuse([], ['x', 'y'])).toEqual(['x', 'y']);
    // With equal weights a passage first by vectors alone ties one first by full text alone; full text stays first.
    expect(fuse(['a'], ['v'], 1)).toEqual(['a', 'v']);
  });
});
