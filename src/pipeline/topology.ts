/**
 * Builds compact, deterministic TopoJSON: shared arcs (topojson-server), Visvalingam
 * simplification (topojson-simplify) and delta-encoded quantisation (topojson-client).
 * Spec: https://github.com/topojson/topojson-specification
 */
import type { FeatureCollection } from 'geojson';
import type { Objects, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';

/** Quantisation grid: 1e5 steps over the DRC box is about 20 m, far below the data's precision. */
export const QUANTIZATION = 1e5;

export interface TopologyMeta {
  /** Human-readable attribution lines the app shows, one per source. */
  attribution: string[];
}

export type MetaTopology = Topology & { metadata: TopologyMeta };

/**
 * Merges the collections into one topology. minWeight is the Visvalingam area, in square
 * degrees, below which a vertex is dropped (0 keeps every vertex).
 */
export function buildTopology(
  objects: Record<string, FeatureCollection>,
  minWeight: number,
  meta: TopologyMeta,
): MetaTopology {
  // @types/topojson-server types properties as nullable, @types/topojson-simplify as non-null.
  let topo = topology(objects) as unknown as Topology<Objects>;
  if (minWeight > 0) topo = simplify(presimplify(topo), minWeight);
  return { ...quantize(topo, QUANTIZATION), metadata: meta };
}

/** Serialises with a stable layout so a rerun of the pipeline yields the same bytes. */
export function serialise(topo: MetaTopology): string {
  return JSON.stringify(topo) + '\n';
}

/**
 * Simplifies only as much as needed to fit the byte budget: tries no simplification, then
 * doubling weights from a small start, so authoritative detailed files keep the most detail.
 */
export function buildWithinBudget(
  objects: Record<string, FeatureCollection>,
  meta: TopologyMeta,
  maxBytes: number,
): { topo: MetaTopology; minWeight: number; bytes: number } {
  for (let w = 0; w < 1; w = w === 0 ? 1e-7 : w * 2) {
    const topo = buildTopology(objects, w, meta);
    const bytes = Buffer.byteLength(serialise(topo));
    if (bytes <= maxBytes) return { topo, minWeight: w, bytes };
  }
  throw new Error(`cannot simplify the boundaries under ${maxBytes} bytes; is the file admin-1?`);
}
