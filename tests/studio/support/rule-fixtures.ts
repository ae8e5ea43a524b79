// Valid documents in the embedded dataset's shape, and one copy per rule that breaks
// exactly that rule. Every reference points inside this set: the offline CLI asks the
// API about any reference it cannot find in the file, and that aborts the whole run.
// For the same reason no case uploads a file: the CLI leaves asset documents out of the
// file's ids, so an attachment with a file is tested on validateAttachment directly.

export type SanityDoc = { _id: string; _type: string; [field: string]: unknown };

/**
 * What a broken document must report: a marker at `path` whose message contains `message`,
 * an error in the Studio's form. `cliLevel` is where `sanity documents validate` differs:
 * it appends an unknown-fields check with `.warning()` to every rule on an object-typed
 * value, which lowers the whole rule. The project's rules therefore sit on string fields
 * (see sanity/schemaTypes/validation.ts); only the slug's rules cannot, because `current`
 * belongs to Sanity's built-in slug type, so the CLI reports them as warnings.
 * `also` lists the other markers the same broken rule brings (Sanity's built-in ones).
 */
export type RuleCase = {
  rule: string;
  doc: SanityDoc;
  path: (string | number | { _key: string })[];
  message: string;
  cliLevel?: 'warning';
  also?: { path: RuleCase['path']; message: string }[];
};

const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? { _key: key } : {}),
});
const refs = (...ids: string[]) => ids.map((id, index) => ref(id, `k${index}${id.length}`));
const slug = (current: string) => ({ _type: 'slug', current });
const sources = refs('kalla-test');

function block(key: string, text: string, href?: string) {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: href ? [{ _type: 'link', _key: `${key}-link`, href }] : [],
    children: [{ _type: 'span', _key: `${key}-span`, text, marks: href ? [`${key}-link`] : [] }],
  };
}

function doc(_type: string, _id: string, fields: Record<string, unknown>): SanityDoc {
  return {
    _id,
    _type,
    _rev: `rev-${_id}`,
    _createdAt: '2026-11-23T09:00:00Z',
    _updatedAt: '2026-11-23T09:00:00Z',
    ...fields,
  };
}

/** Valid documents of every type; the control set, and the templates for the broken ones. */
export const baseDocs: Record<string, SanityDoc> = {
  kalla: doc('kalla', 'kalla-test', {
    title: 'Nära vård och Vårdens medarbetare',
    slug: slug('test-nara-vard-och-vardens-medarbetare'),
    publisher: 'Göteborgsregionen (GR)',
    publisherRegion: ref('region-test-delregion'),
    lastUpdated: '2021-02-18',
    seedFile: '002_32653d761608347b.txt',
  }),
  regionLan: doc('region', 'region-test-lan', {
    name: 'Västra Götaland',
    slug: slug('test-vastra-gotaland'),
    kind: 'lan',
    organisations: ['Västra Götalandsregionen', 'VästKom'],
    municipalityCount: 49,
    shortDescription: 'Länet där 49 kommuner och regionen tar fram en gemensam färdplan.',
    website: 'https://www.vgregion.se/',
    sources,
  }),
  regionDelregion: doc('region', 'region-test-delregion', {
    name: 'Göteborgsregionen',
    slug: slug('test-goteborgsregionen'),
    kind: 'delregion',
    parent: ref('region-test-lan'),
    municipalityCount: 13,
    shortDescription: 'Kommunalförbundet där 13 kommuner samarbetar.',
    sources,
  }),
  regionKommun: doc('region', 'region-test-kommun', {
    name: 'Göteborgs Stad',
    slug: slug('test-goteborgs-stad'),
    kind: 'kommun',
    parent: ref('region-test-delregion'),
    shortDescription: 'En av Göteborgsregionens medlemskommuner.',
    sources,
  }),
  tema: doc('tema', 'tema-test', {
    name: 'Kompetensutveckling',
    slug: slug('test-kompetensutveckling'),
    description: 'Stöd för att vårdens medarbetare ska kunna utvecklas i omställningen.',
    sources,
  }),
  kontaktperson: doc('kontaktperson', 'kontaktperson-test', {
    name: 'Jeanette Andersson',
    slug: slug('test-jeanette-andersson'),
    role: 'Strateg välfärdsutveckling Nära vård',
    organisation: 'VästKom',
    email: 'jeanette.andersson@vastkom.se',
    phone: '073 - 8037311',
    portraitUrl:
      'https://www.fyrbodal.se/wp-content/uploads/2022/06/lidija-beljic-2022-150x150.jpg',
    period: { _type: 'period', start: '2021', end: '2022', text: 'under 2021–2022' },
    regions: refs('region-test-lan'),
    sources,
  }),
  programme: doc('programme', 'programme-test', {
    title: 'Vårdens medarbetare',
    slug: slug('test-vardens-medarbetare'),
    summary: 'Projektet som lyfter kommunernas perspektiv i omställningen till nära vård.',
    body: [
      block('b1', 'Läs mer hos GR.', 'https://goteborgsregionen.se/'),
      block('b2', 'Skriv till oss.', 'mailto:info@goteborgsregionen.se'),
      block('b3', 'Ring oss.', 'tel:+46313355176'),
    ],
    // Months and years compare by overlap: 2020-09 lies within 2020.
    period: { _type: 'period', start: '2020-09', end: '2020', text: 'Sedan hösten 2020' },
    status: 'pagaende',
    financing: {
      _type: 'financing',
      description: 'Statliga medel för kompetensutveckling och Västra Götalandsregionen.',
      funders: ['Västra Götalandsregionen'],
    },
    owner: 'Göteborgsregionen (GR)',
    regions: refs('region-test-delregion', 'region-test-lan'),
    themes: refs('tema-test'),
    contacts: refs('kontaktperson-test'),
    documents: refs('dokument-test'),
    sources,
  }),
  malbild: doc('malbild', 'malbild-test', {
    title: 'Målbild för God och nära vård 2030',
    slug: slug('test-malbild-2030'),
    summary: 'Den strategiska riktningen för länet fram till 2030.',
    horizonYear: 2030,
    author: 'Forskning och utveckling i Sörmland (FoUiS)',
    decision: {
      _type: 'decision',
      decidedBy: 'Kommunfullmäktige',
      date: '2022-08',
      dateText: 'augusti 2022',
    },
    parts: [
      {
        _type: 'malbildPart',
        _key: 'p1',
        title: 'Tillsammans',
        text: 'Samarbete med dig i fokus.',
      },
    ],
    regions: refs('region-test-lan'),
    sourceDocument: ref('dokument-test'),
    sources,
  }),
  delprojekt: doc('delprojekt', 'delprojekt-test', {
    title: 'FoU-studier',
    slug: slug('test-fou-studier'),
    number: 3,
    summary: 'Studier av hur omställningen påverkar kommunerna.',
    status: 'planerat',
    programme: ref('programme-test'),
    sources,
  }),
  dokument: doc('dokument', 'dokument-test', {
    title: 'Omställningen till nära vård ur GR-kommunernas perspektiv',
    slug: slug('test-slutrapport'),
    kind: 'rapport',
    date: '2021-02',
    format: 'PDF',
    attachment: { _type: 'attachment', url: 'https://goteborgsregionen.se/rapport.pdf' },
    publisher: 'Göteborgsregionen (GR)',
    publisherRegion: ref('region-test-delregion'),
    programme: ref('programme-test'),
    sources,
  }),
  handelse: doc('handelse', 'handelse-test', {
    title: 'Kickoff för Vårdens medarbetare',
    slug: slug('test-kickoff'),
    date: '2020-09-01',
    dateText: 'den 1 september',
    summary: 'Kickoff via Teams för GR-kommunerna.',
    regions: refs('region-test-delregion'),
    programme: ref('programme-test'),
    documents: refs('dokument-test'),
    sources,
  }),
};

/** A copy of a base document under a new id, with fields replaced (undefined removes one). */
function breaking(base: SanityDoc, id: string, changes: Record<string, unknown>): SanityDoc {
  const copy: SanityDoc = { ...structuredClone(base), _id: id, _rev: `rev-${id}` };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[field];
    else copy[field] = value;
  }
  // Give every copy its own slug so that no two documents in the file share one.
  if (copy.slug && typeof copy.slug === 'object' && !('slug' in changes)) {
    copy.slug = slug(`${(copy.slug as { current: string }).current}-${id}`);
  }
  return copy;
}

const b = baseDocs;

export const ruleCases: RuleCase[] = [
  // Required fields
  {
    rule: 'programme.title is required',
    doc: breaking(b.programme!, 'programme-no-title', { title: undefined }),
    path: ['title'],
    message: 'Skriv programmets namn.',
  },
  {
    rule: 'region.shortDescription is required',
    doc: breaking(b.regionKommun!, 'region-no-short-description', { shortDescription: undefined }),
    path: ['shortDescription'],
    message: 'Skriv en kort beskrivning av regionen.',
  },
  {
    rule: 'kontaktperson.organisation is required',
    doc: breaking(b.kontaktperson!, 'kontaktperson-no-organisation', { organisation: undefined }),
    path: ['organisation'],
    message: 'Ange vilken organisation personen arbetar för.',
  },
  {
    rule: 'dokument.publisher is required',
    doc: breaking(b.dokument!, 'dokument-no-publisher', { publisher: undefined }),
    path: ['publisher'],
    message: 'Ange vem som gett ut dokumentet.',
  },
  {
    rule: 'kalla.publisher is required',
    doc: breaking(b.kalla!, 'kalla-no-publisher', { publisher: undefined }),
    path: ['publisher'],
    message: 'Ange vem som ger ut sidan.',
  },
  {
    rule: 'handelse.date is required',
    doc: breaking(b.handelse!, 'handelse-no-date', { date: undefined }),
    path: ['date'],
    message: 'Ange när det hände',
  },
  {
    rule: 'delprojekt.programme is required',
    doc: breaking(b.delprojekt!, 'delprojekt-no-programme', { programme: undefined }),
    path: ['programme'],
    message: 'Välj programmet som delprojektet hör till.',
  },
  {
    rule: 'decision.decidedBy is required',
    doc: breaking(b.malbild!, 'malbild-decision-without-decided-by', {
      decision: { _type: 'decision', date: '2022-08' },
    }),
    path: ['decision', 'decidedBy'],
    message: 'Ange vem som fattade beslutet.',
  },
  {
    rule: 'malbildPart.text is required',
    doc: breaking(b.malbild!, 'malbild-part-without-text', {
      parts: [{ _type: 'malbildPart', _key: 'p1', title: 'Nära' }],
    }),
    path: ['parts', { _key: 'p1' }, 'text'],
    message: 'Skriv vad delen innebär.',
  },
  // Slugs
  {
    rule: 'slug is required',
    doc: breaking(b.tema!, 'tema-no-slug', { slug: undefined }),
    // The form says "Skriv en slug, eller klicka på Generera …" at slug; the CLI's lowered
    // copy of that rule loses its message (see validation.ts), leaving Sanity's "Krävs".
    path: ['slug', 'current'],
    message: 'Krävs',
    also: [{ path: ['slug'], message: 'Krävs' }],
  },
  {
    rule: 'slug has the lower-case ASCII format',
    doc: breaking(b.tema!, 'tema-slug-with-swedish-letters', {
      slug: slug('kompetensförsörjning'),
    }),
    path: ['slug', 'current'],
    message: 'Skriv å och ä som a och ö som o',
    cliLevel: 'warning',
  },
  {
    rule: 'slug has no double or trailing hyphens',
    doc: breaking(b.programme!, 'programme-slug-double-hyphen', {
      slug: slug('vardens--medarbetare-'),
    }),
    path: ['slug', 'current'],
    message: 'Slugen får bara innehålla små bokstäver',
    cliLevel: 'warning',
  },
  // Enumerations
  {
    rule: 'region.kind is one of lan, delregion, kommun',
    doc: breaking(b.regionKommun!, 'region-unknown-kind', { kind: 'stad' }),
    path: ['kind'],
    message: 'Välj vilken typ av region det är.',
  },
  {
    rule: 'status is one of planerat, pagaende, avslutat, okand',
    doc: breaking(b.programme!, 'programme-unknown-status', { status: 'klart' }),
    path: ['status'],
    message: 'Välj ett av värdena i listan: Planerat, Pågående, Avslutat, Anges inte i källan.',
    // Sanity's own hint for a value outside options.list, beside the rule's error.
    also: [{ path: ['status'], message: 'matchade inte något tillåtet värde' }],
  },
  {
    rule: 'dokument.kind is one of the listed kinds',
    doc: breaking(b.dokument!, 'dokument-unknown-kind', { kind: 'pdf' }),
    path: ['kind'],
    message: 'Välj typ av dokument.',
  },
  // The region tree
  {
    rule: 'region.parent is required unless kind is lan',
    doc: breaking(b.regionKommun!, 'region-kommun-without-parent', { parent: undefined }),
    path: ['parent'],
    message: 'Välj den region som den här ligger under',
  },
  {
    rule: 'region.parent is never the region itself',
    doc: breaking(b.regionDelregion!, 'region-own-parent', { parent: ref('region-own-parent') }),
    path: ['parent'],
    message: 'En region kan inte ligga under sig själv',
  },
  // Dates
  {
    rule: 'isoDate has the form YYYY, YYYY-MM or YYYY-MM-DD',
    doc: breaking(b.handelse!, 'handelse-date-as-words', { date: '1 september 2020' }),
    path: ['date'],
    message: 'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
  },
  {
    rule: 'isoDate is a real calendar date',
    doc: breaking(b.dokument!, 'dokument-date-february-30', { date: '2021-02-30' }),
    path: ['date'],
    message: 'finns inte i kalendern',
  },
  {
    rule: 'isoDate has a real month',
    doc: breaking(b.kalla!, 'kalla-last-updated-month-13', { lastUpdated: '2021-13' }),
    path: ['lastUpdated'],
    message: 'Månaden 13 finns inte',
  },
  {
    rule: 'period.start is not after period.end',
    doc: breaking(b.programme!, 'programme-period-ends-before-start', {
      period: { _type: 'period', start: '2021', end: '2020-12' },
    }),
    path: ['period', 'end'],
    message: 'Perioden slutar före den börjar',
  },
  {
    rule: 'dates inside a period are isoDates',
    doc: breaking(b.kontaktperson!, 'kontaktperson-period-start-as-words', {
      period: { _type: 'period', start: 'våren 2021' },
    }),
    path: ['period', 'start'],
    message: 'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
  },
  // Contact details
  {
    rule: 'kontaktperson.email is an e-mail address',
    doc: breaking(b.kontaktperson!, 'kontaktperson-bad-email', {
      email: 'jeanette.andersson(at)vastkom.se',
    }),
    path: ['email'],
    message: 'Skriv en e-postadress som namn@exempel.se',
  },
  {
    rule: 'kontaktperson.phone is a Swedish number as printed',
    doc: breaking(b.kontaktperson!, 'kontaktperson-bad-phone', { phone: '335 51 76' }),
    path: ['phone'],
    message: 'Skriv ett svenskt telefonnummer',
  },
  // Addresses
  {
    rule: 'web addresses are http or https only',
    doc: breaking(b.regionLan!, 'region-ftp-website', { website: 'ftp://ftp.vgregion.se/' }),
    path: ['website'],
    message: 'Adresser som börjar med ftp: är inte tillåtna här',
  },
  {
    rule: 'portrait addresses are http or https only',
    doc: breaking(b.kontaktperson!, 'kontaktperson-javascript-portrait', {
      portraitUrl: 'javascript:alert(1)',
    }),
    path: ['portraitUrl'],
    message: 'Adresser som börjar med javascript: är inte tillåtna här',
  },
  {
    rule: 'links in Portable Text allow only http, https, mailto and tel',
    doc: breaking(b.programme!, 'programme-javascript-link', {
      body: [block('x1', 'Skadlig länk', 'javascript:alert(1)')],
    }),
    path: ['body', { _key: 'x1' }, 'markDefs', { _key: 'x1-link' }, 'href'],
    message: 'Adresser som börjar med javascript: är inte tillåtna här',
  },
  // Attachments
  {
    rule: 'attachment has a file or an address, not neither',
    doc: breaking(b.dokument!, 'dokument-empty-attachment', {
      attachment: { _type: 'attachment' },
    }),
    path: ['attachment', 'url'],
    message: 'Ladda upp en fil eller skriv en webbadress',
  },
  // Arrays of references
  {
    rule: 'sources has at least one source',
    doc: breaking(b.tema!, 'tema-empty-sources', { sources: [] }),
    path: ['sources'],
    message: 'Välj minst en källsida',
  },
  {
    rule: 'sources is required',
    doc: breaking(b.handelse!, 'handelse-no-sources', { sources: undefined }),
    path: ['sources'],
    message: 'Välj minst en källsida',
  },
  {
    rule: 'regions has at least one region',
    doc: breaking(b.kontaktperson!, 'kontaktperson-empty-regions', { regions: [] }),
    path: ['regions'],
    message: 'Välj minst en region.',
  },
  {
    rule: 'arrays of references hold each document once',
    doc: breaking(b.programme!, 'programme-duplicate-region', {
      regions: [ref('region-test-lan', 'a'), ref('region-test-lan', 'b')],
    }),
    path: ['regions', { _key: 'b' }],
    message: 'Samma sak finns två gånger i listan',
  },
  // Numbers
  {
    rule: 'malbild.horizonYear lies between 2000 and 2100',
    doc: breaking(b.malbild!, 'malbild-horizon-1999', { horizonYear: 1999 }),
    path: ['horizonYear'],
    message: 'mellan 2000 och 2100',
  },
  {
    rule: 'delprojekt.number is a whole number of at least 1',
    doc: breaking(b.delprojekt!, 'delprojekt-number-zero', { number: 0 }),
    path: ['number'],
    message: 'minst 1',
  },
  {
    rule: 'region.municipalityCount is a whole number',
    doc: breaking(b.regionDelregion!, 'region-fractional-count', { municipalityCount: 12.5 }),
    path: ['municipalityCount'],
    message: 'heltal',
  },
  {
    rule: 'financing says something when present',
    doc: breaking(b.programme!, 'programme-empty-financing', { financing: { _type: 'financing' } }),
    path: ['financing', 'description'],
    message: 'Beskriv finansieringen',
  },
];
