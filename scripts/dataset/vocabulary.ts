// Swedish words and phrases of the reform "God och nära vård", from which
// the synthetic dataset (scripts/dataset/) builds its text. Sentences are assembled
// from subject + verb + object + complement, so they read as Swedish while being clearly
// generated.

export const SUBJECTS = [
  'Kommunerna',
  'Regionen',
  'Länets kommuner och regionen',
  'Primärvården',
  'Hemsjukvården',
  'Projektgruppen',
  'Styrgruppen',
  'Vårdcentralerna',
  'Socialtjänsten',
  'Den kommunala hälso- och sjukvården',
  'Vårdens medarbetare',
  'Arbetsgruppen för nära vård',
  'Utvecklingsledarna',
  'Ledningsgruppen',
  'Elevhälsan',
  'Äldreomsorgen',
  'Rehabiliteringen',
  'Den psykiatriska öppenvården',
] as const;

export const VERBS = [
  'utvecklar',
  'stärker',
  'samordnar',
  'följer upp',
  'prioriterar',
  'kartlägger',
  'prövar',
  'sprider',
  'inför',
  'förankrar',
  'fördjupar',
  'utvärderar',
  'tydliggör',
  'bygger upp',
] as const;

export const OBJECTS = [
  'arbetssätt för egenvård',
  'personcentrerade arbetssätt',
  'det hälsofrämjande och förebyggande arbetet',
  'kompetensutvecklingen för vårdens medarbetare',
  'samverkan kring den enskilde',
  'mobila team för äldre med stora vårdbehov',
  'digitala vårdmöten',
  'samordnad individuell planering (SIP)',
  'processen för trygg utskrivning',
  'hemsjukvården',
  'primärvården som nav i vården',
  'den nära vården och omsorgen',
  'kontinuiteten för patienter med kroniska sjukdomar',
  'det gemensamma ledarskapet',
  'stödet till anhöriga',
  'läkemedelsgenomgångar i hemmet',
  'tidiga insatser för barn och unga',
  'kunskapsstödet för psykisk hälsa',
  'uppföljningen av gemensamma indikatorer',
  'invånarnas delaktighet',
] as const;

export const COMPLEMENTS = [
  'i hela länet',
  'tillsammans med civilsamhället',
  'under de kommande åren',
  'med individens behov i fokus',
  'så att fler får vård nära hemmet',
  'utifrån lokala förutsättningar',
  'över organisationsgränserna',
  'i nära dialog med invånarna',
  'med stöd av statliga stimulansmedel',
  'som en del av omställningen',
  'inom ramen för överenskommelsen mellan staten och SKR',
  'på ett jämlikt sätt',
  'med digitaliseringen som stöd',
  'i samarbete med forskning och utveckling',
] as const;

export const OPENERS = [
  'Under året',
  'I nästa steg',
  'Sedan starten',
  'Inom ramen för arbetet',
  'Tillsammans',
  'På sikt',
  'I dag',
  'Som ett första steg',
] as const;

export const HEADINGS = [
  'Bakgrund',
  'Syfte och mål',
  'Arbetssätt',
  'Målgrupp',
  'Genomförande',
  'Uppföljning',
  'Resultat hittills',
  'Nästa steg',
  'Organisation',
  'Finansiering',
  'Samverkan med andra aktörer',
  'Lärdomar',
] as const;

export const BULLETS = [
  'fler invånare får stöd i egenvård',
  'gemensamma rutiner för samordnad individuell plan',
  'utbildningsinsatser i personcentrerat förhållningssätt',
  'en gemensam bild av nuläget i varje kommun',
  'hälsosamtal med fokus på levnadsvanor',
  'mobila team i fler kommuner',
  'en plan för kompetensförsörjning',
  'uppföljning med gemensamma indikatorer',
  'dialogmöten med brukarorganisationer',
  'nätverk för chefer inom hemsjukvården',
  'digitala verktyg för vårdplanering',
  'stöd till anhöriga och närstående',
  'förbättrad tillgänglighet i primärvården',
  'lokala handlingsplaner för nära vård',
  'erfarenhetsutbyte mellan kommunerna',
] as const;

/** Programme and document topics (title case at the start). */
export const TOPICS = [
  'Omställningen till nära vård',
  'God och nära vård',
  'Goda förutsättningar för vårdens medarbetare',
  'Hälsofrämjande arbetssätt',
  'Samordnad vård och omsorg',
  'Personcentrerad vård',
  'Mobil närvård',
  'Trygg hemgång',
  'Digitala vårdmöten',
  'Egenvård med stöd',
  'Kompetenslyft inom nära vård',
  'Gemensam färdplan för nära vård',
  'Utvecklad hemsjukvård',
  'Primärvården som nav',
  'Psykisk hälsa nära invånarna',
  'Barn och ungas hälsa',
  'Ledarskap i omställningen',
  'Äldres hälsa och trygghet',
] as const;

export const DELPROJEKT_TOPICS = [
  'Kartläggning av nuläget',
  'Utbildning i personcentrerat arbetssätt',
  'Samordnad individuell plan i praktiken',
  'Mobila team',
  'Egenvårdsstöd',
  'Digitala vårdmöten i hemmet',
  'Kompetensförsörjning',
  'Hälsofrämjande insatser för äldre',
  'Gemensam uppföljning',
  'Chefsnätverk',
  'Invånardialog',
  'Trygg utskrivning',
  'Läkemedelssäkerhet i hemsjukvården',
  'Psykisk hälsa i primärvården',
] as const;

export const EVENTS = [
  'Kickoff för',
  'Workshoppar om',
  'Dialogmöte om',
  'Konferens om',
  'Beslut om',
  'Lansering av',
  'Uppföljningsseminarium om',
  'Slutrapport om',
] as const;

/** National events (government, SKR, state inquiries): labelled as national, not by region. */
export const NATIONAL_EVENTS = [
  'Regeringen och SKR tecknar överenskommelse om',
  'Regeringen ger en statlig utredning i uppdrag att se över',
  'Statlig utredning lämnar betänkande om',
  'Nationell konferens om',
] as const;

export const ROLES = [
  'Utvecklingsledare Nära vård',
  'Samordnare Nära vård',
  'Strateg Nära vård',
  'Programledare',
  'Processledare',
  'Projektledare',
  'Verksamhetsutvecklare',
  'Medicinskt ansvarig sjuksköterska',
  'Enhetschef hemsjukvård',
  'Kvalitetsutvecklare',
] as const;

export const FUNDERS = [
  'Statliga stimulansmedel för God och nära vård',
  'Sveriges Kommuner och Regioner (SKR)',
  'Regionen',
  'Medlemskommunerna',
  'Europeiska socialfonden',
  'Samordningsförbundet',
] as const;

/** Themes: fixed overhead of the synthetic dataset. */
export const THEMES = [
  {
    name: 'Samverkan',
    description: 'Samverkan mellan kommuner, region och andra aktörer kring den enskildes behov.',
  },
  {
    name: 'Personcentrering',
    description: 'Vård och omsorg som utgår från personens egna resurser, behov och mål.',
  },
  {
    name: 'Hälsofrämjande insatser',
    description: 'Hälsofrämjande och förebyggande arbete som stärker invånarnas hälsa.',
  },
  {
    name: 'Kompetensutveckling',
    description: 'Kompetensförsörjning och kompetensutveckling för vårdens medarbetare.',
  },
  {
    name: 'Digital och fysisk tillgänglighet',
    description: 'Digital teknik och nya arbetssätt som ökar tillgängligheten och tryggheten.',
  },
  {
    name: 'Egenvård',
    description: 'Stöd till invånare som vill och kan ta hand om sin hälsa själva.',
  },
  {
    name: 'Hemsjukvård',
    description: 'Hälso- och sjukvård i hemmet, ofta i samarbete mellan kommun och region.',
  },
  { name: 'Primärvård', description: 'Primärvården som navet i en god och nära vård.' },
  {
    name: 'Psykisk hälsa',
    description: 'Insatser för psykisk hälsa nära invånarna, tidigt och samordnat.',
  },
  {
    name: 'Barn och unga',
    description: 'Tidiga och samordnade insatser för barns och ungas hälsa.',
  },
  {
    name: 'Ledarskap',
    description: 'Ledarskap och styrning som bär omställningen över organisationsgränser.',
  },
  {
    name: 'Uppföljning',
    description: 'Gemensam uppföljning med indikatorer för att se om omställningen gör skillnad.',
  },
] as const;

export const MALBILD_PARTS = [
  {
    title: 'Tillsammans',
    text: 'Samarbete med individen och de närstående i fokus, och samarbete över organisationsgränser.',
  },
  {
    title: 'Nära',
    text: 'Vården och omsorgen ska vara jämlik oavsett var den ges och upplevas som nära genom goda relationer.',
  },
  {
    title: 'God hälsa',
    text: 'Ett hälsofrämjande perspektiv i hela vårdkedjan, med stöd för egenvård och goda levnadsvanor.',
  },
  {
    title: 'Trygghet',
    text: 'Invånarna ska känna sig trygga med att rätt insats ges i rätt tid och på rätt plats.',
  },
  {
    title: 'Kompetens',
    text: 'Medarbetare med rätt kompetens och goda förutsättningar att arbeta personcentrerat.',
  },
  {
    title: 'Tillgänglighet',
    text: 'Digital och fysisk tillgänglighet som gör det enkelt att få kontakt med vården.',
  },
] as const;

export const DECIDERS = [
  'Kommunfullmäktige',
  'Regionfullmäktige',
  'Förbundsstyrelsen',
  'Den politiska samverkansberedningen',
  'Regionstyrelsen',
] as const;
