import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sphericalKMeans } from './word-clusters.js';

test('spherical k-means puts vectors pointing the same way together, and repeats with the same seed', () => {
  // Three directions in 3-d, four noisy unit vectors each.
  const directions = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  const rows: number[] = [];
  directions.forEach((d, g) => {
    for (let k = 0; k < 4; k++) {
      const v = d.map((x, j) => x + 0.1 * Math.sin(7 * g + 3 * k + j));
      const norm = Math.hypot(...v);
      rows.push(...v.map((x) => x / norm));
    }
  });
  const data = Float32Array.from(rows);
  const { assign } = sphericalKMeans(data, 12, 3, 3, { seed: 5, iterations: 20 });
  for (let g = 0; g < 3; g++) for (let k = 1; k < 4; k++) assert.equal(assign[g * 4 + k], assign[g * 4], `row ${g * 4 + k} with its group`);
  assert.equal(new Set(assign).size, 3, 'three groups, three clusters');
  assert.deepEqual(sphericalKMeans(data, 12, 3, 3, { seed: 5, iterations: 20 }).assign, assign);
});
