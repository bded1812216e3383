/**
 * Runs the site names' layout (nameLayout.ts) against the live map, through MapLibre's public
 * API only: screen positions from `project`, the names handed to a GeoJSON source with the
 * anchor chosen for each. It runs again when the camera settles or the canvas resizes, and when
 * what is named changes (a timeline step that opens or closes a named site, a toggle). During a
 * zoom the names keep their offsets in ems, and the layout is redone at its end.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { labelPoints } from './labels.ts';
import type { SiteDatum } from './layers/prepare.ts';
import type { SiteMark } from './layers/siteMarks.ts';
import {
  grow,
  layoutNames,
  NAME_PADDING_PX,
  squareBox,
  wrapLines,
  type Box,
  type NameToSet,
  type SetName,
} from './nameLayout.ts';
import {
  labelTextPx,
  markFeatures,
  nameAnchors,
  nameFeatures,
  nameRank,
  shortName,
  SITE_LABELS,
  SITE_MARKS,
} from './siteLabels.ts';
import { PROVINCE_LABEL_MAX_EM, PROVINCE_LABEL_PX, PROVINCE_LABEL_PADDING } from './style.ts';
import { CONTROL_LABEL_GAP_EM, CONTROL_LABEL_MAX_EM, CONTROL_LABEL_PX } from './controlStyle.ts';
import { overMapBoxes } from './fitControl.ts';

/**
 * Room kept round a closure mark, in ems of the names: a name set just beside another site's
 * mark read as that mark's caption ("Goma" beside a closing base's sign, "Goma closing").
 */
const CLOSING_CLEAR_EM = 0.6;

/** A leader, as [from, to] in longitude and latitude, so it moves with the map. */
export type Leader = [[number, number], [number, number]];

/** What is named, as the app stands. */
export interface NamesInput {
  /** The labelled sites open on the day (openNamed). */
  open: readonly SiteDatum[];
  /** The symbols the sites layer draws on the day (marksOn in siteMarks.ts). */
  spots: readonly (Pick<SiteMark, 'datum' | 'size' | 'offset'> & Partial<Pick<SiteMark, 'role'>>)[];
  /** Names of held areas (controlStyle.ts), set east of their point: kept clear too. */
  areaNames?: readonly { label: string; at: [number, number] }[];
  /** The screen scale (screenScale.ts): names, symbols and their gaps grow by it alike. */
  scale?: number;
}

/** A canvas to measure names with; the map draws them from the same self-hosted face. */
let measureCtx: CanvasRenderingContext2D | null = null;
/** Widths at MEASURE_PX, by weight and text: type width grows in proportion to its size. */
const widths = new Map<string, number>();
const MEASURE_PX = 100;
/**
 * A name's width in the self-hosted face. A width measured before the face is ready for the
 * name's letters (a face of another subset still on its way) is the fallback face's: it is not
 * kept, the face is asked for, and the watchers lay the names out again once it is in
 * ('loadingdone' below). A kept fallback width set one load's names apart from the next's.
 */
function textWidth(text: string, px: number, weight: number): number {
  const key = `${weight} ${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measureCtx ??= document.createElement('canvas').getContext('2d');
    if (!measureCtx) return text.length * px * 0.6;
    const face = `${weight} ${MEASURE_PX}px "Noto Sans"`;
    measureCtx.font = `${face}, sans-serif`;
    w = measureCtx.measureText(text).width;
    if (document.fonts.check(face, text)) widths.set(key, w);
    else void document.fonts.load(face, text).catch(() => []);
  }
  return (w * px) / MEASURE_PX;
}

/** A line of type is this many ems high, as MapLibre sets a single line. */
const LINE_EM = 1.2;

type ProvincePoint = Feature<GeoJSON.Point, { name: string }>;

/**
 * The province names' boxes as MapLibre sets them at their centre (the first of their
 * anchors), wrapped at their maximum width: the site names keep clear of them.
 */
function provinceBoxes(map: MapLibreMap, points: readonly ProvincePoint[]): Box[] {
  const px = PROVINCE_LABEL_PX(map.getZoom());
  const measure = (s: string) => textWidth(s, px, 700);
  return points.map((p) => {
    const lines = wrapLines(p.properties.name, PROVINCE_LABEL_MAX_EM * px, measure);
    const w = Math.max(...lines.map(measure));
    const h = lines.length * LINE_EM * px;
    const { x, y } = map.project(p.geometry.coordinates as [number, number]);
    return grow([x - w / 2, y - h / 2, x + w / 2, y + h / 2], PROVINCE_LABEL_PADDING);
  });
}

/**
 * The held areas' names' boxes as MapLibre sets them: left-anchored a gap east of their point,
 * wrapped at their maximum width (controlLabelLayer).
 */
function areaNameBoxes(map: MapLibreMap, names: NonNullable<NamesInput['areaNames']>): Box[] {
  const px = CONTROL_LABEL_PX(map.getZoom());
  const measure = (s: string) => textWidth(s, px, 700);
  return names.map((n) => {
    const lines = wrapLines(n.label, CONTROL_LABEL_MAX_EM * px, measure);
    const w = Math.max(...lines.map(measure));
    const h = lines.length * LINE_EM * px;
    const { x, y } = map.project(n.at);
    const left = x + CONTROL_LABEL_GAP_EM * px;
    return grow([left, y - h / 2, left + w, y + h / 2], NAME_PADDING_PX);
  });
}

/** The layout for the map's current camera. */
export function layoutOnMap(
  map: MapLibreMap,
  input: NamesInput,
  provinces: readonly ProvincePoint[],
): SetName[] {
  const scale = input.scale ?? 1;
  const textPx = labelTextPx(map.getZoom(), scale);
  const container = map.getContainer();
  const obstacles: Box[] = [
    ...provinceBoxes(map, provinces),
    ...areaNameBoxes(map, input.areaNames ?? []),
    ...input.spots.map((m) => {
      const { x, y } = map.project(m.datum.position);
      const box = squareBox([x, y], m.size * scale, [m.offset[0] * scale, m.offset[1] * scale]);
      return m.role === 'closing' ? grow(box, CLOSING_CLEAR_EM * textPx) : box;
    }),
    // The panels, the title and the credits over the map: a name under them is lost, and the
    // fit keeps only the country, not the names that run out past its border, clear of them.
    ...overMapBoxes(container).flatMap((b): Box[] =>
      b.right > b.left && b.bottom > b.top ? [[b.left, b.top, b.right, b.bottom]] : [],
    ),
  ];
  const names: NameToSet[] = input.open.map((d) => {
    const { x, y } = map.project(d.position);
    return {
      id: d.site.id,
      at: [x, y],
      size: d.size * scale,
      width: textWidth(shortName(d), textPx, 700),
      height: LINE_EM * textPx,
      rank: nameRank(d),
      // In ems of the type, which grows with the symbol: the same ems at every scale.
      anchors: nameAnchors(d.size),
    };
  });
  // Inside the map: a name cut by its edge (Kinshasa's, west of a small country) reads as
  // another word.
  return layoutNames(names, obstacles, textPx, [
    0,
    0,
    container.clientWidth,
    container.clientHeight,
  ]);
}

/**
 * Keeps the site names laid out on `map`: call `update` when what is named changes. Calls
 * `onLeaders` with the leader lines whenever they change (as a key, to compare cheaply).
 * Returns the means to update and to stop.
 */
export function watchSiteNames(
  map: MapLibreMap,
  provinces: FeatureCollection<Polygon | MultiPolygon, { name: string }>,
  onLeaders: (leaders: Leader[], key: string) => void,
): { update(input: NamesInput): void; stop(): void } {
  const points = labelPoints(provinces).features as ProvincePoint[];
  let input: NamesInput | null = null;
  let key = '';
  /** The anchors last sent to the layer: a camera move often sets every name as before. */
  let sent = '';
  /** The open sites whose marks were last sent. */
  let marksSent: readonly SiteDatum[] | null = null;
  let marksScale: number | undefined;
  let waiting = false;
  const run = () => {
    if (!input) return;
    const labels = map.getSource(SITE_LABELS) as GeoJSONSource | undefined;
    const marks = map.getSource(SITE_MARKS) as GeoJSONSource | undefined;
    // Before the style is in there is nowhere to send the names; recording them as sent would
    // keep them off the map until the layout changed, which depended on what came first.
    if (!labels || !marks) {
      if (!waiting) {
        waiting = true;
        map.once('load', () => {
          waiting = false;
          run();
        });
      }
      return;
    }
    if (marksSent !== input.open || marksScale !== input.scale) {
      marks.setData(markFeatures(input.open, input.scale));
      marksSent = input.open;
      marksScale = input.scale;
    }
    const set = layoutOnMap(map, input, points);
    const anchors = set.map((n) => `${n.id} ${n.anchor} ${n.offset.join()}`).join('\n');
    if (anchors !== sent) {
      sent = anchors;
      const byId = new Map(input.open.map((d) => [d.site.id, d]));
      labels.setData(nameFeatures(set, byId));
    }
    // The lines are in longitude and latitude: they change with the zoom, the anchors or not.
    const leaders = set.flatMap((n) =>
      n.leader ? [n.leader.map((p) => map.unproject(p).toArray()) as Leader] : [],
    );
    const next = leadersKey(leaders);
    if (next === key) return;
    key = next;
    onLeaders(leaders, key);
  };
  // Once a frame: a resize, a fit and a resize back in one task (an export sizing the map to
  // its page) each sent the names to MapLibre's worker, and each sending drew the map once
  // more at the export's size, ~1 s a frame at 300 dpi under a software renderer.
  let frame = 0;
  const soon = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      run();
    });
  };
  map.on('moveend', soon);
  map.on('resize', soon);
  // A face that came in after the names were measured (textWidth): measure and lay out again.
  document.fonts.addEventListener('loadingdone', soon);
  return {
    update(next) {
      const openChanged =
        !input ||
        input.open.length !== next.open.length ||
        input.open.some((d, i) => d !== next.open[i]);
      // Most timeline steps open or close no named site: nothing to send to MapLibre's worker.
      const scaled = input?.scale !== next.scale;
      if (
        !openChanged &&
        !scaled &&
        input?.spots === next.spots &&
        input?.areaNames === next.areaNames
      )
        return;
      input = openChanged ? next : { ...next, open: input!.open };
      run();
    },
    stop() {
      map.off('moveend', soon);
      map.off('resize', soon);
      document.fonts.removeEventListener('loadingdone', soon);
      cancelAnimationFrame(frame);
    },
  };
}

/** The leaders as one string: equal strings, same lines (to a metre or so). */
export const leadersKey = (leaders: readonly Leader[]): string =>
  leaders
    .map((l) =>
      l
        .flat()
        .map((v) => v.toFixed(5))
        .join(),
    )
    .join(';');
