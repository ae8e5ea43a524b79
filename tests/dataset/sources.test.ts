// One suite per seed page in ../shared/seeds: what the page says is in the embedded dataset,
// structured, and traceable to that page. Queries are real GROQ (groq-js) over the real dataset.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';

const datasetFile = fileURLToPath(new URL('../../content/dataset/data.ndjson', import.meta.url));
const dataset = readFileSync(datasetFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

async function query<T>(groq: string, params: Record<string, unknown> = {}): Promise<T> {
  return (await (await evaluate(parse(groq), { dataset, params })).get()) as T;
}

/** Every document that cites the given seed file as its source. */
async function fromSeed<T>(seedFile: string, projection = '{...}'): Promise<T[]> {
  return query<T[]>(
    `*[_type != "kalla" && count(sources[@->seedFile == $seedFile]) > 0] ${projection}`,
    { seedFile },
  );
}

interface Contact {
  name: string;
  role?: string;
  organisation: string;
  phone?: string;
  email?: string;
  portraitUrl?: string;
  regions: string[];
}
const contactProjection =
  '{name, role, organisation, phone, email, portraitUrl, "regions": regions[]->slug.current}';

describe('every document records the seed page it came from', () => {
  it('has at least one source, and every source is a kalla naming an existing seed file', async () => {
    const unsourced = await query<string[]>(
      '*[_type != "kalla" && !(count(sources[@->_type == "kalla"]) > 0)]._id',
    );
    expect(unsourced).toEqual([]);
    const seedFiles = await query<string[]>('*[_type == "kalla"].seedFile');
    expect(seedFiles.sort()).toEqual([
      '000_84365cacfcfc9a39.txt',
      '001_25c40f8f40842731.txt',
      '002_32653d761608347b.txt',
      '003_a6ed4ab8dcbe6352.txt',
      '004_f232d165e9b1f28d.txt',
    ]);
  });

  it('carries no page furniture (cookies, subscriptions, social links, GDPR notes)', () => {
    const text = readFileSync(datasetFile, 'utf8');
    for (const furniture of [
      'cookies',
      'Prenumer',
      'Twitter',
      'Facebook',
      'GDPR',
      'Var sidan till hjälp',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });
});

describe('the region tree', () => {
  it('nests Göteborgsregionen and Fyrbodal in Västra Götaland, Strängnäs in Södermanland, Sundsvall in Västernorrland', async () => {
    const tree = await query<Array<{ slug: string; kind: string; parent: string | null }>>(
      '*[_type == "region"] | order(slug.current) {"slug": slug.current, kind, "parent": parent->slug.current}',
    );
    expect(tree).toEqual([
      { slug: 'fyrbodal', kind: 'delregion', parent: 'vastra-gotaland' },
      { slug: 'goteborgsregionen', kind: 'delregion', parent: 'vastra-gotaland' },
      { slug: 'sodermanland', kind: 'lan', parent: null },
      { slug: 'strangnas', kind: 'kommun', parent: 'sodermanland' },
      { slug: 'sundsvall', kind: 'kommun', parent: 'vasternorrland' },
      { slug: 'vasternorrland', kind: 'lan', parent: null },
      { slug: 'vastra-gotaland', kind: 'lan', parent: null },
    ]);
  });

  it('keeps the municipality counts the pages give', async () => {
    const counts = await query<Record<string, number>>(
      `{"vg": *[_id == "region-vastra-gotaland"][0].municipalityCount,
        "gr": *[_id == "region-goteborgsregionen"][0].municipalityCount,
        "vn": *[_id == "region-vasternorrland"][0].municipalityCount}`,
    );
    expect(counts).toEqual({ vg: 49, gr: 13, vn: 7 });
  });
});

describe('000 Fyrbodals kommunalförbund', () => {
  const seed = '000_84365cacfcfc9a39.txt';

  it('has the assignment "Goda förutsättningar för vårdens medarbetare" in Fyrbodal, with its two-year activities and financing', async () => {
    const [programme] = await fromSeed<{
      title: string;
      region: string[];
      body: string;
      period: { start: string; end: string };
      funders: string[];
    }>(
      seed,
      '[_type == "programme"]{title, "region": regions[]->slug.current, "body": pt::text(body), period, "funders": financing.funders}',
    );
    expect(programme?.title).toBe('Goda förutsättningar för vårdens medarbetare');
    expect(programme?.region).toEqual(['fyrbodal']);
    expect(programme?.period).toMatchObject({ start: '2021', end: '2022' });
    expect(programme?.body).toContain('Vad kommer att hända under de kommande två åren?');
    expect(programme?.body).toContain('dialogmöten');
    expect(programme?.funders).toContain('Fyrbodals kommunalförbund');
  });

  it('has the SKR/government agreement and both development strategies as documents', async () => {
    const titles = await fromSeed<string>(seed, '[_type == "dokument"].title');
    expect(titles).toEqual(
      expect.arrayContaining([
        'Överenskommelse God och nära vård 2020',
        'Länsgemensam utvecklingsstrategi för god och nära vård Västra Götaland',
        'Gemensam utvecklingsstrategi för kommunalförbundets medlemskommuner',
      ]),
    );
  });

  it('has Lidija Beljic, development lead 2021–2022, with her portrait address as printed', async () => {
    const contacts = await fromSeed<Contact>(
      seed,
      `[_type == "kontaktperson"] ${contactProjection}`,
    );
    expect(contacts).toEqual([
      expect.objectContaining({
        name: 'Lidija Beljic',
        role: 'Utvecklingsledare Nära vård',
        organisation: 'Fyrbodals kommunalförbund',
        portraitUrl:
          'https://www.fyrbodal.se/wp-content/uploads/2022/06/lidija-beljic-2022-150x150.jpg',
        regions: ['fyrbodal'],
      }),
    ]);
  });
});

describe('001 Strängnäs kommun', () => {
  const seed = '001_25c40f8f40842731.txt';

  it('has the county-wide målbild from FoUiS in three parts, adopted by the council in August 2022', async () => {
    const [malbild] = await fromSeed<{
      author: string;
      decision: { decidedBy: string; date: string };
      parts: string[];
      regions: string[];
    }>(
      seed,
      '[_type == "malbild"]{author, decision, "parts": parts[].title, "regions": regions[]->slug.current}',
    );
    expect(malbild?.author).toContain('FoUiS');
    expect(malbild?.decision).toMatchObject({
      decidedBy: 'Kommunfullmäktige i Strängnäs kommun',
      date: '2022-08',
    });
    expect(malbild?.parts).toEqual(['Tillsammans', 'Nära', 'God hälsa, vård och omsorg']);
    expect(malbild?.regions).toEqual(['sodermanland', 'strangnas']);
  });

  it('has the local examples and the last update of 11 October 2022', async () => {
    const body = await query<string>(
      'pt::text(*[_type == "programme" && "strangnas" in regions[]->slug.current][0].body)',
    );
    expect(body).toContain('Socialkontorets arbete med digitalisering');
    expect(body).toContain('välfärdsteknik och medarbetarskap');
    const lastUpdated = await query<string>(
      '*[_type == "kalla" && seedFile == $seed][0].lastUpdated',
      { seed },
    );
    expect(lastUpdated).toBe('2022-10-11');
  });
});

describe('002 Göteborgsregionen (GR)', () => {
  const seed = '002_32653d761608347b.txt';

  it('has the project Vårdens medarbetare since spring 2020 with its three numbered delprojekt', async () => {
    const delprojekt = await query<Array<{ number: number; title: string }>>(
      '*[_type == "delprojekt" && programme->title == "Vårdens medarbetare"] | order(number) {number, title}',
    );
    expect(delprojekt).toEqual([
      { number: 1, title: 'Vårdens medarbetare och Nära vård' },
      { number: 2, title: 'Ta fram en digital plattform för kompetensutveckling' },
      { number: 3, title: 'FoU-studier' },
    ]);
    const period = await query<{ text: string }>(
      '*[_id == "programme-gr-vardens-medarbetare"][0].period',
    );
    expect(period.text).toBe('Sedan våren 2020');
  });

  it('has the four contacts with their phone numbers exactly as printed', async () => {
    const contacts = await fromSeed<Contact>(
      seed,
      `[_type == "kontaktperson"] | order(name) ${contactProjection}`,
    );
    expect(contacts.map(({ name, phone }) => [name, phone])).toEqual([
      ['Anna Haglund', '031-335 51 76'],
      ['Lena Mogren', '031-335 53 24'],
      ['Maria Ljung', '031-335 51 73'],
      ['Theresa Larsen', '031-335 51 99'],
    ]);
    expect(new Set(contacts.map((c) => c.organisation))).toEqual(
      new Set(['Göteborgsregionen (GR)']),
    );
  });

  it('has the final report, the kickoff recording and every slide deck, each without an invented file', async () => {
    const documents = await fromSeed<{ title: string; kind: string; attachment?: unknown }>(
      seed,
      '[_type == "dokument"]{title, kind, attachment}',
    );
    const byTitle = new Map(documents.map((d) => [d.title, d]));
    expect(byTitle.get('Omställningen till nära vård ur GR-kommunernas perspektiv')?.kind).toBe(
      'rapport',
    );
    for (const deck of [
      'Bildspel Projektledningen',
      'Bildspel Ann Nyström',
      'Bildspel Birgitta Engström-Wallander',
      'Bildspel Jeanette Andersson',
      'Bildspel Theresa Larsen',
    ]) {
      expect(byTitle.get(deck)?.kind, deck).toBe('bildspel');
    }
    expect(byTitle.get('Inbjudan/program Kick off för Vårdens medarbetare')?.kind).toBe('inbjudan');
    expect(byTitle.get('Menti-resultat från kickoffen')?.kind).toBe('resultat');
    expect(documents.filter((d) => d.kind === 'inspelning')).toHaveLength(2);
    expect(documents.some((d) => d.title.includes('SOU 2020:19') && d.kind === 'utredning')).toBe(
      true,
    );
    expect(documents.filter((d) => d.attachment !== null && d.attachment !== undefined)).toEqual(
      [],
    );
  });

  it('has the kickoff of 1 September 2020, the financing and the last update of 2021-02-18', async () => {
    const kickoff = await query<{ date: string; documents: number }>(
      '*[_type == "handelse" && title match "Kickoff"][0]{date, "documents": count(documents)}',
    );
    expect(kickoff).toEqual({ date: '2020-09-01', documents: 8 });
    const funders = await query<string[]>(
      '*[_id == "programme-gr-vardens-medarbetare"][0].financing.funders',
    );
    expect(funders).toEqual(['Statliga medel för kompetensutveckling', 'Västra Götalandsregionen']);
    const lastUpdated = await query<string>(
      '*[_type == "kalla" && seedFile == $seed][0].lastUpdated',
      { seed },
    );
    expect(lastUpdated).toBe('2021-02-18');
  });
});

describe('003 Region Västernorrland / Sundsvalls kommun', () => {
  const seed = '003_a6ed4ab8dcbe6352.txt';

  it('has the programme with its four focus areas as themes', async () => {
    const programme = await query<{ themes: string[]; body: string }>(
      '*[_id == "programme-vasternorrland-god-och-nara-vard"][0]{"themes": themes[]->name, "body": pt::text(body)}',
    );
    expect(programme.themes).toEqual(
      expect.arrayContaining([
        'Personcentrering',
        'Hälsofrämjande insatser',
        'Egenvård',
        'Digital och fysisk tillgänglighet',
      ]),
    );
    expect(programme.body).toContain(
      'Den 1 juli startar Programmet God och nära vård i Västernorrland',
    );
  });

  it('has the målbild 2030, the letter of intent of 14 May 2021 and the related documents', async () => {
    const malbild = await query<{ title: string; horizonYear: number }>(
      '*[_type == "malbild" && "vasternorrland" in regions[]->slug.current][0]{title, horizonYear}',
    );
    expect(malbild).toEqual({ title: 'Målbild för God och nära vård 2030', horizonYear: 2030 });
    const documents = await fromSeed<{ title: string; date?: string }>(
      seed,
      '[_type == "dokument"]{title, date}',
    );
    expect(documents).toEqual(
      expect.arrayContaining([
        {
          title: 'Avsiktsförklaring god, jämlik hälsa och en nära vård, undertecknad',
          date: '2021-05-14',
        },
        expect.objectContaining({ title: 'Målbild God och nära vård Västernorrland' }),
        expect.objectContaining({ title: 'Omställning till nära vård' }),
        expect.objectContaining({ title: 'Informationssida God och Nära Vård, Sundsvalls kommun' }),
      ]),
    );
  });

  it('has the programme lead and the municipal coordinator in the right regions', async () => {
    const contacts = await fromSeed<Contact>(
      seed,
      `[_type == "kontaktperson"] | order(name) ${contactProjection}`,
    );
    expect(contacts.map(({ name, role, regions }) => ({ name, role, regions }))).toEqual([
      { name: 'Hans Wiklund', role: 'Samordnare Nära Vård', regions: ['sundsvall'] },
      { name: 'Linda Strid', role: 'Programledare', regions: ['vasternorrland'] },
    ]);
  });
});

describe('004 VästKom', () => {
  const seed = '004_f232d165e9b1f28d.txt';

  it('has the joint roadmap commissioned on 1 November 2019 with its four tasks', async () => {
    const roadmap = await query<{ period: { start: string }; body: string; regions: string[] }>(
      '*[_id == "programme-vastra-gotaland-gemensam-fardplan"][0]{period, "body": pt::text(body), "regions": regions[]->slug.current}',
    );
    expect(roadmap.period.start).toBe('2019-11-01');
    expect(roadmap.regions).toEqual(['vastra-gotaland']);
    for (const task of [
      'ta fram en gemensam målbild',
      'identifiera prioriterade målområden',
      'ta fram en tidsplan fram till 2030',
      'ta fram förslag till gemensam uppföljning och analys',
    ]) {
      expect(roadmap.body).toContain(task);
    }
  });

  it('has the dialogue March–June as a dated event', async () => {
    const dialogue = await fromSeed<{ dateText: string }>(
      seed,
      '[_type == "handelse" && title match "Dialog"]{dateText}',
    );
    expect(dialogue).toEqual([{ dateText: 'mars–juni' }]);
  });

  it('has both strategists with e-mail and phone exactly as printed', async () => {
    const contacts = await fromSeed<Contact>(
      seed,
      `[_type == "kontaktperson" && defined(email)] | order(name) ${contactProjection}`,
    );
    expect(
      contacts.map(({ name, organisation, email, phone }) => ({
        name,
        organisation,
        email,
        phone,
      })),
    ).toEqual([
      {
        name: 'Anne-Marie Svensson',
        organisation: 'Västra Götalandsregionen',
        email: 'anne-marie.v.svensson@vgregion.se',
        phone: '073 - 8048910',
      },
      {
        name: 'Jeanette Andersson',
        organisation: 'VästKom',
        email: 'jeanette.andersson@vastkom.se',
        phone: '073 - 8037311',
      },
    ]);
  });
});

describe('themes gather material across regions', () => {
  it('has every theme the pages name, and kompetensutveckling spans Fyrbodal and Göteborgsregionen', async () => {
    const themes = await query<string[]>('*[_type == "tema"] | order(name).name');
    expect(themes).toEqual(
      expect.arrayContaining([
        'Personcentrering',
        'Hälsofrämjande insatser',
        'Egenvård',
        'Digital och fysisk tillgänglighet',
        'Kompetensutveckling',
        'Samverkan',
      ]),
    );
    const regions = await query<string[]>(
      `array::unique(*[_type == "programme" && references("tema-kompetensutveckling")].regions[]->slug.current)`,
    );
    expect(regions).toEqual(expect.arrayContaining(['fyrbodal', 'goteborgsregionen']));
  });
});
