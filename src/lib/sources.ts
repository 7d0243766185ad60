// Where every threshold and norm comes from. A finding's evidence names one of these keys, so the app
// (and a trainer reading a report) can show the citation next to the number.
//
// `says` states, in our words, what the source reports that goniocam uses. Sources without `says` are
// kept for the bibliography but no number in feedback/thresholds.ts rests on them (we could not check
// their text here).

export interface Source {
  readonly id: string;
  /** Short label for a chip or a table cell. */
  readonly short: string;
  /** Full citation. */
  readonly citation: string;
  /** What the source reports that goniocam relies on (our paraphrase). */
  readonly says?: string;
}

const list = [
  {
    id: 'seed',
    short: 'goniocam clinical brief',
    citation:
      "goniocam's clinical brief (the seed): healthy hips have about 30–45° of internal rotation; 35° is a functional minimum for many daily activities.",
    says: 'The 30–45° healthy band and the 35° functional minimum for hip internal rotation; the causes (external rotators, posterior capsule, femoral retroversion / anteversion) and the drills. The brief names no primary study for the numbers.',
  },
  {
    id: 'kouyoumdjian-2012',
    short: 'Kouyoumdjian et al. 2012',
    citation:
      'Kouyoumdjian P, Coulomb R, Sanchez T, Asencio G. Clinical evaluation of hip joint rotation range of motion in adults. Orthop Traumatol Surg Res. 2012;98(1):17–23.',
    says: '120 healthy adults aged 20–60, photographic method. Mean rotation arc seated (hip flexed) 78.5° with internal rotation 37.9° (so external ≈ 40.6°); prone (hip extended) 77.1° (IR 35.2°, ER 41.8°); supine with the hip straight 68.1° (IR 29.6°, ER 38.5°). External rotation was the larger of the two in 47.5% of people; range fell with age.',
  },
  {
    id: 'roach-miles-1991',
    short: 'Roach & Miles 1991',
    citation:
      'Roach KE, Miles TP. Normal hip and knee active range of motion: the relationship to age. Phys Ther. 1991;71(9):656–665.',
  },
  {
    id: 'simoneau-1998',
    short: 'Simoneau et al. 1998',
    citation:
      'Simoneau GG, Hoenig KJ, Lepley JE, Papanek PE. Influence of hip position and gender on active hip internal and external rotation. J Orthop Sports Phys Ther. 1998;28(3):158–164.',
  },
  {
    id: 'nussbaumer-2010',
    short: 'Nussbaumer et al. 2010',
    citation:
      'Nussbaumer S, Leunig M, Glatthorn JF, Stauffacher S, Gerber H, Maffiuletti NA. Validity and test-retest reliability of manual goniometers for measuring passive hip range of motion in femoroacetabular impingement patients. BMC Musculoskelet Disord. 2010;11:194.',
    says: 'A manual goniometer read passive hip range 2–19° higher than an electromagnetic tracker (pelvic motion counted as hip motion); test-retest reliability was good (ICC > 0.90 except adduction).',
  },
  {
    id: 'friesenbichler-2020',
    short: 'Friesenbichler et al. 2020',
    citation:
      'Friesenbichler B, Casartelli NC, Maffiuletti NA, Leunig M. Evaluation of an examination chair to quantify the hip internal rotation angle. Hip Int. 2020;30(5):581–586.',
    says: 'Manual supine internal rotation with the hip flexed 90°: smallest detectable change 7.8° when the same examiner repeats it, 15.9° between two examiners.',
  },
  {
    id: 'jsr-2016-hip-rotation',
    short: 'J Sport Rehabil 2016 (hip rotation)',
    citation:
      'Reliability and validity of a novel approach to measure hip rotation. J Sport Rehabil. 2016;25(4):330–337.',
    says: 'Three trials of internal and external rotation, sitting, prone and weight bearing, in 20 healthy adults by two therapists on two days: inter-rater reliability rose from ICC .59–.96 for single trials to .75–.97 when the trials were averaged.',
  },
  {
    id: 'krause-2015',
    short: 'Krause et al. 2015',
    citation:
      'Krause DA, Hollman JH, Krych AJ, Kalisvaart MM, Levy BA. Reliability of hip internal rotation range of motion measurement using a digital inclinometer. Knee Surg Sports Traumatol Arthrosc. 2015;23(9):2562–2567.',
    says: 'Active and passive internal rotation in 25 asymptomatic adults: means 30.7–32.8°, intra-rater ICC 0.84–0.92, inter-rater 0.89–0.93; active single-leg internal rotation sitting was the most responsive, minimal detectable change 5.4°.',
  },
  {
    id: 'gajdosik-bohannon-1987',
    short: 'Gajdosik & Bohannon 1987',
    citation:
      'Gajdosik RL, Bohannon RW. Clinical measurement of range of motion: review of goniometry emphasizing reliability and validity. Phys Ther. 1987;67(12):1867–1872.',
  },
  {
    id: 'ellison-1990',
    short: 'Ellison et al. 1990',
    citation:
      'Ellison JB, Rose SJ, Sahrmann SA. Patterns of hip rotation range of motion: a comparison between healthy subjects and patients with low back pain. Phys Ther. 1990;70(9):537–541.',
    says: 'Classified passive hip rotation in 100 healthy people and 50 with low back pain; measurements within 10° of each other counted as equal. More external than internal rotation was more frequent in the back-pain group.',
  },
  {
    id: 'tonnis-heinecke-1999',
    short: 'Tönnis & Heinecke 1999',
    citation:
      'Tönnis D, Heinecke A. Acetabular and femoral anteversion: relationship with osteoarthritis of the hip. J Bone Joint Surg Am. 1999;81(12):1747–1770.',
    says: 'Review of femoral and acetabular version (the twist of the femoral neck and socket) and hip osteoarthritis; it recalls that decreased femoral anteversion or retroversion goes with a toe-out gait and increased anteversion with toe-in. Version is measured on imaging, not with a camera.',
  },
  {
    id: 'willson-davis-2008',
    short: 'Willson & Davis 2008',
    citation:
      'Willson JD, Davis IS. Utility of the frontal plane projection angle in females with patellofemoral pain. J Orthop Sports Phys Ther. 2008;38(10):606–615.',
  },
  {
    id: 'herrington-2014',
    short: 'Herrington 2014',
    citation:
      'Herrington L. Knee valgus angle during single leg squat and landing in patellofemoral pain patients and controls. Knee. 2014;21(2):514–517.',
    says: 'Women, 2D FPPA in a single-leg squat: 30 without knee pain 8.4 ± 5.1°, 12 with patellofemoral pain 16.8 ± 5.4°.',
  },
  {
    id: 'herrington-munro-2010',
    short: 'Herrington & Munro 2010',
    citation:
      'Herrington L, Munro A. Drop jump landing knee valgus angle; normative data in a physically active population. Phys Ther Sport. 2010;11(2):56–59.',
    says: '100 active adults aged 18–28: a typical drop-jump landing FPPA is symmetrical and about 7–13° in women, 3–8° in men (step landing 5–12° and 1–9°).',
  },
  {
    id: 'munro-2012',
    short: 'Munro et al. 2012',
    citation:
      'Munro A, Herrington L, Carolan M. Reliability of 2-dimensional video assessment of frontal-plane dynamic knee valgus during common athletic screening tasks. J Sport Rehabil. 2012;21(1):7–11.',
    says: '2D FPPA in single-leg squat and landings: standard error of measurement 2.72–3.01°, smallest detectable difference 7.54–8.93°; women showed higher FPPA than men in most tasks.',
  },
  {
    id: 'goniocam-accuracy',
    short: 'goniocam accuracy (README)',
    citation:
      "goniocam's own measurement error on rendered bodies at known angles (README, Ground truth and accuracy; `npm run accuracy`).",
    says: 'Mean absolute error, 95th percentile and refusals per test and camera placement, on the committed CI set (seed 1) and the holdout set (seed 2), BlazePose full, 2026-11-25.',
  },
  {
    id: 'goniocam-engineering',
    short: 'goniocam engineering limit',
    citation:
      "A limit chosen by goniocam's engineers so that a trial is only kept when the pose allows it; checked by the replay tests (src/lib/protocols), not a clinical cut-off.",
    says: 'Not a clinical cut-off: a number goniocam chose where no checked source gives one (noted next to each such threshold).',
  },
] as const satisfies readonly Source[];

export type SourceId = (typeof list)[number]['id'];

export const SOURCES: Readonly<Record<SourceId, Source>> = Object.fromEntries(
  list.map((s) => [s.id, s]),
) as Record<SourceId, Source>;

export function source(id: string): Source | undefined {
  return (SOURCES as Record<string, Source>)[id];
}

/** True when `id` names a source in this file (tests check every finding's evidence with it). */
export function isSourceId(id: string): id is SourceId {
  return Object.prototype.hasOwnProperty.call(SOURCES, id);
}

/** A number goniocam applies, with the source it comes from: clinical thresholds and engineering limits alike. */
export interface Threshold {
  readonly value: number;
  readonly source: SourceId;
  /** What the number means, in a line. */
  readonly note: string;
}

export const sourced = (value: number, source: SourceId, note: string): Threshold => ({
  value,
  source,
  note,
});
