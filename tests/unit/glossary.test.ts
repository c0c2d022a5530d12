import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultGlossary, findTerms, loadGlossary } from "../../src/infra/offline/glossary.js";

const pairs = (text: string, lang: "en" | "fr") => findTerms(text, lang).map((m) => [m.source, m.target]);

describe("loadGlossary", () => {
  it("loads the repository glossary with the required terms and all 32 Allies", () => {
    const g = defaultGlossary();
    expect(g.file).toMatch(/glossary[/\\]nato-en-fr\.json$/);
    const en = new Map(g.terms.map((t) => [t.en, t]));
    expect(en.get("NATO Support and Procurement Agency")?.fr).toBe("Agence OTAN de soutien et d'acquisition");
    expect(en.get("Defence Production Action Plan")?.fr).toBe("plan d'action sur la production pour la défense");
    expect(en.get("Supreme Allied Commander Europe")?.fr).toBe("commandant suprême des forces alliées en Europe");
    const allies =
      "Albania Belgium Bulgaria Canada Croatia Czechia Denmark Estonia Finland France Germany Greece Hungary Iceland Italy Latvia Lithuania Luxembourg Montenegro Netherlands Norway Poland Portugal Romania Slovakia Slovenia Spain Sweden Türkiye".split(
        " ",
      );
    for (const ally of [...allies, "North Macedonia", "United Kingdom", "United States"]) {
      expect(en.get(ally)?.kind, ally).toBe("country");
    }
    expect(allies.length + 3).toBe(32);
    for (const name of ["Ukraine", "Russia", "Belarus", "China", "United States", "United Kingdom", "Türkiye"]) {
      expect(en.get(name)?.kind).toBe("country");
    }
  });

  it("names the file when it is missing", () => {
    expect(() => loadGlossary("/nonexistent/glossary.json")).toThrow(
      /Cannot read glossary \/nonexistent\/glossary\.json/,
    );
  });

  it("names the file and the field when it is invalid", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "glossary-")), "bad.json");
    writeFileSync(file, JSON.stringify({ version: 1, terms: [{ en: "NATO", fr: "", kind: "acronym" }] }));
    expect(() => loadGlossary(file)).toThrow(new RegExp(`Invalid glossary ${file}[\\s\\S]*terms`));
  });

  it("refuses a form claimed by two terms", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "glossary-")), "dup.json");
    const terms = [
      { en: "Allies", fr: "Alliés", kind: "body" },
      { en: "allies", fr: "alliés", kind: "term" },
    ];
    writeFileSync(file, JSON.stringify({ version: 1, terms }));
    expect(() => loadGlossary(file)).toThrow(/form "allies" belongs to "Allies" and "allies"/);
  });
});

describe("findTerms", () => {
  it("finds official names with straight and typographic apostrophes, longest first", () => {
    const text =
      "L’Agence OTAN de soutien et d'acquisition (NSPA) a signé, a déclaré le secrétaire général de l’OTAN au Conseil de l'Atlantique Nord.";
    expect(pairs(text, "fr")).toEqual([
      ["L’Agence OTAN de soutien et d'acquisition", "The NATO Support and Procurement Agency"],
      ["NSPA", "NSPA"],
      ["secrétaire général de l’OTAN", "NATO Secretary General"],
      ["Conseil de l'Atlantique Nord", "North Atlantic Council"],
    ]);
  });

  it("gives offsets into the original text", () => {
    const text = "Selon l’OTAN, l'UE et les États-Unis";
    for (const m of findTerms(text, "fr")) expect(text.slice(m.start, m.end)).toBe(m.source);
    expect(pairs(text, "fr")).toEqual([
      ["l’OTAN", "NATO"],
      ["l'UE", "EU"],
      ["les États-Unis", "the United States"],
    ]);
  });

  it("matches acronyms case-sensitively and on word boundaries", () => {
    // "Europe" (a place) is a term too; the point here is that "EU" never matches inside "EUROPE".
    const acronyms = (text: string, lang: "en" | "fr") =>
      findTerms(text, lang)
        .filter((m) => m.term.kind === "acronym")
        .map((m) => [m.source, m.target]);
    expect(acronyms("EUROPE and Europe are not the EU; NATO-led, nato", "en")).toEqual([
      ["EU", "UE"],
      ["NATO", "OTAN"],
    ]);
    expect(pairs("Il faut que l'UE agisse, dit-il à Que Ue", "fr")).toEqual([["l'UE", "EU"]]);
    expect(pairs("The US and us", "en")).toEqual([["The US", "Les États-Unis"]]);
  });

  it("keeps capitalised names apart from common words", () => {
    expect(pairs("The Polish troops; polish the turkey in Turkey.", "en")).toEqual([
      ["Polish", "polonais"],
      ["Turkey", "Türkiye"],
    ]);
    expect(pairs("Il allie force et ruse ; les pays alliés ; les Alliés", "fr")).toEqual([
      ["les Alliés", "the Allies"],
    ]);
  });

  it("tolerates missing accents on capitals only", () => {
    expect(pairs("ETATS-UNIS et Etats-Unis", "fr")).toEqual([
      ["ETATS-UNIS", "UNITED STATES"],
      ["Etats-Unis", "United States"],
    ]);
    expect(pairs("le secretaire general", "fr")).toEqual([]);
  });

  it("capitalises a lowercase target only at the start of a sentence", () => {
    expect(pairs("The Secretary General spoke.", "en")).toEqual([["Secretary General", "secrétaire général"]]);
    expect(pairs("Secretary General Rutte spoke.", "en")).toEqual([["Secretary General", "Secrétaire général"]]);
    expect(pairs("It ended. Defence ministers met.", "en")).toEqual([["Defence ministers", "Ministres de la Défense"]]);
    expect(pairs("Le secrétaire général a parlé.", "fr")).toEqual([["secrétaire général", "Secretary General"]]);
  });

  it("carries the article over only when the source has one and the target term takes it", () => {
    expect(pairs("The United States, the European Union and Russia", "en")).toEqual([
      ["The United States", "Les États-Unis"],
      ["the European Union", "l'Union européenne"],
      ["Russia", "Russie"],
    ]);
    expect(pairs("la Russie et la Fédération de Russie", "fr")).toEqual([
      ["la Russie", "Russia"],
      ["la Fédération de Russie", "Russia"],
    ]);
  });

  it("maps every French demonym form to the English one", () => {
    expect(pairs("européen, européenne, européens, Européennes, russe, ukrainiennes", "fr").map(([, t]) => t)).toEqual([
      "European",
      "European",
      "European",
      "European",
      "Russian",
      "Ukrainian",
    ]);
  });

  it("matches across line breaks and repeated spaces", () => {
    expect(pairs("the North  Atlantic\nCouncil", "en")).toEqual([
      ["the North  Atlantic\nCouncil", "le Conseil de l'Atlantique Nord"],
    ]);
  });

  it("keeps a plural plural and an acronym both languages share as written", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "glossary-")), "g.json");
    const terms = [
      {
        en: "Centre of Excellence",
        fr: "centre d'excellence",
        enVariants: ["Centres of Excellence", "COE"],
        frVariants: ["centres d'excellence", "COE"],
        kind: "body",
      },
      {
        en: "Joint Force Command",
        fr: "commandement de forces interarmées",
        enVariants: ["JFC"],
        frVariants: ["JFC"],
        kind: "body",
      },
    ];
    writeFileSync(file, JSON.stringify({ version: 1, terms }));
    const g = loadGlossary(file);
    const targets = (text: string, lang: "en" | "fr") => g.findTerms(text, lang).map((m) => m.target);
    expect(targets("Two Centres of Excellence, one Centre of Excellence, the COE and JFC Brunssum", "en")).toEqual([
      "centres d'excellence",
      "centre d'excellence",
      "COE",
      "JFC",
    ]);
    expect(targets("les centres d'excellence", "fr")).toEqual(["Centres of Excellence"]);
  });
});

describe("a programme's name is not a variant of the activity it names", () => {
  it("air policing anywhere is « police du ciel »; only the Baltic mission is Baltic Air Policing", () => {
    expect(pairs("Les avions chargés de la police du ciel en Roumanie ont décollé.", "fr")).toEqual([
      ["police du ciel", "air policing"],
      ["Roumanie", "Romania"],
    ]);
    expect(pairs("Swedish jets reinforce air policing over Romania.", "en")).toEqual([
      ["Swedish", "Suédois"],
      ["air policing", "police du ciel"],
      ["Romania", "Roumanie"],
    ]);
    expect(pairs("Ils rejoignent la mission de police du ciel dans les pays baltes.", "fr").map(([, t]) => t)).toEqual([
      "Baltic Air Policing",
    ]);
  });
});

describe("common military phrases as NATO's French and English write them", () => {
  it("English → French, with the number and the article the occurrence has", () => {
    expect(pairs("NATO fighter jets and a warship joined the battlegroup at the air base.", "en")).toEqual([
      ["NATO", "OTAN"],
      ["fighter jets", "avions de chasse"],
      ["warship", "navire de guerre"],
      ["the battlegroup", "le groupement tactique"],
      ["the air base", "la base aérienne"],
    ]);
    expect(
      pairs("Allies discussed arms control, crisis management and integrated air and missile defence.", "en"),
    ).toEqual([
      ["Allies", "Alliés"],
      ["arms control", "maîtrise des armements"],
      ["crisis management", "gestion de crise"],
      ["integrated air and missile defence", "défense aérienne et antimissile intégrée"],
    ]);
  });

  it("French → English: « avions » of a fighter is no verb, and the article stays where English keeps it", () => {
    expect(pairs("Les avions de chasse de l'OTAN ont rejoint le quartier général.", "fr")).toEqual([
      ["avions de chasse", "fighter jets"],
      ["l'OTAN", "NATO"],
      ["le quartier général", "the headquarters"],
    ]);
    expect(pairs("La défense aérienne et le ravitaillement en vol des avions de patrouille maritime.", "fr")).toEqual([
      ["La défense aérienne", "Air defence"],
      ["le ravitaillement en vol", "air-to-air refuelling"],
      ["avions de patrouille maritime", "maritime patrol aircraft"],
    ]);
  });

  it("a common term written with capitals inside a longer name is part of that name", () => {
    expect(pairs("Major General Dany Fortin of the Canadian Armed Forces leads it.", "en")).toEqual([
      ["Major General", "Général de division"],
      ["Canadian", "canadien"],
    ]);
    expect(pairs("The Armed Forces of Ukraine and the armed forces of Allies", "en")).toEqual([
      ["The Armed Forces", "Les forces armées"],
      ["Ukraine", "Ukraine"],
      ["the armed forces", "les forces armées"],
      ["Allies", "Alliés"],
    ]);
    expect(pairs("Le commandant des Forces Armées Canadiennes et les forces armées canadiennes", "fr")).toEqual([
      ["Canadiennes", "Canadian"],
      ["les forces armées", "the armed forces"],
      ["canadiennes", "Canadian"],
    ]);
  });
});

describe("English nouns alike in both numbers", () => {
  it("'aircraft' takes the French plural after a number above one or a plural determiner, else the singular", () => {
    const targets = (text: string) => findTerms(text, "en").map((m) => m.target);
    expect(targets("Two maritime patrol aircraft and 12 fighter aircraft; several transport aircraft.")).toEqual([
      "avions de patrouille maritime",
      "avions de chasse",
      "avions de transport",
    ]);
    expect(targets("One maritime patrol aircraft, a fighter aircraft and 1 tanker aircraft.")).toEqual([
      "avion de patrouille maritime",
      "avion de chasse",
      "avion ravitailleur",
    ]);
  });

  it("French says the number itself: « deux avions » is two aircraft, « un avion » one", () => {
    expect(pairs("deux avions de patrouille maritime et un avion de transport", "fr")).toEqual([
      ["avions de patrouille maritime", "maritime patrol aircraft"],
      ["avion de transport", "transport aircraft"],
    ]);
  });
});

describe("NATO's command structure and partners across the globe", () => {
  it("English → French: commands and centres by their official French names, partners with their article", () => {
    expect(
      pairs(
        "The NATO Space Centre and the Combined Air Operations Centre work with Multinational Corps Northeast.",
        "en",
      ),
    ).toEqual([
      ["The NATO Space Centre", "Le Centre spatial de l'OTAN"],
      ["the Combined Air Operations Centre", "le Centre d'opérations aériennes combinées"],
      ["Multinational Corps Northeast", "Corps multinational Nord-Est"],
    ]);
    expect(pairs("New Zealand, the Republic of Korea and Japanese officers", "en")).toEqual([
      ["New Zealand", "Nouvelle-Zélande"],
      ["the Republic of Korea", "la République de Corée"],
      ["Japanese", "japonais"],
    ]);
  });

  it("French → English, a plural body to its English plural, a demonym to its country's adjective", () => {
    expect(pairs("Les unités d'intégration des forces de l'OTAN et le Centre de guerre interarmées", "fr")).toEqual([
      ["unités d'intégration des forces de l'OTAN", "NATO Force Integration Units"],
      ["le Centre de guerre interarmées", "the Joint Warfare Centre"],
    ]);
    expect(pairs("La Nouvelle-Zélande et des militaires australiennes et coréens", "fr")).toEqual([
      ["La Nouvelle-Zélande", "New Zealand"],
      ["australiennes", "Australian"],
      ["coréens", "Korean"],
    ]);
  });
});

describe("operational domains", () => {
  it("an operational domain is « milieu d’opérations » (Apertium: « milieu operacional », “half of operations”)", () => {
    expect(pairs("Space is an operational domain; NATO has five operational domains.", "en")).toEqual([
      ["operational domain", "milieu d'opérations"],
      ["NATO", "OTAN"],
      ["operational domains", "milieux d'opérations"],
    ]);
    expect(pairs("L'espace est un milieu d'opérations, l'un des cinq milieux d'opérations.", "fr")).toEqual([
      ["milieu d'opérations", "operational domain"],
      ["milieux d'opérations", "operational domains"],
    ]);
  });
});

describe("NATO's acronyms", () => {
  it("English → French: an acronym becomes the French acronym, never its full name beside the full name", () => {
    expect(
      pairs("The Euro-Atlantic Partnership Council (EAPC) and the North Atlantic Council (NAC) met.", "en"),
    ).toEqual([
      ["The Euro-Atlantic Partnership Council", "Le Conseil de partenariat euro-atlantique"],
      ["EAPC", "CPEA"],
      ["the North Atlantic Council", "le Conseil de l'Atlantique Nord"],
      ["NAC", "CAN"],
    ]);
    expect(pairs("The NATO PA, the NRF and the ISAF", "en")).toEqual([
      ["The NATO PA", "L'AP-OTAN"],
      ["the NRF", "la NRF"],
      ["the ISAF", "la FIAS"],
    ]);
  });

  it("French → English: « CPEA » is the EAPC, « le CAN » the NAC, « (FPS) » WPS", () => {
    expect(pairs("Le CPEA et le CAN ; les femmes, la paix et la sécurité (FPS)", "fr")).toEqual([
      ["CPEA", "EAPC"],
      ["le CAN", "the NAC"],
      ["les femmes, la paix et la sécurité", "Women, Peace and Security"],
      ["FPS", "WPS"],
    ]);
  });

  it("an acronym is tied to the full name it abbreviates, in both languages", () => {
    const en = new Map(defaultGlossary().terms.map((t) => [t.en, t]));
    for (const t of defaultGlossary().terms) {
      if (t.of) expect(en.has(t.of), `${t.en} of ${t.of}`).toBe(true);
    }
    for (const [acronym, name] of [
      ["NAC", "North Atlantic Council"],
      ["NRF", "NATO Response Force"],
      ["AGS", "Alliance Ground Surveillance"],
      ["SAC", "Strategic Airlift Capability"],
      ["EADRCC", "Euro-Atlantic Disaster Response Coordination Centre"],
      ["PfP", "Partnership for Peace"],
    ] as const) {
      expect(en.get(acronym)?.of, acronym).toBe(name);
    }
  });

  it("no acronym is a common word of either language or a bare pair of letters ('ACT', 'IS', 'MC', 'CAP', « SI »)", () => {
    // Two-letter codes every text writes in capitals and no sentence starts with: the EU, the UN, the US.
    const codes = new Set(["EU", "UE", "UN", "UK", "US", "EI"]);
    const words = new Set(["ACT", "IS", "MC", "PA", "CAP", "SI", "CM", "ICI", "MAP", "COR", "AS", "IT", "ON", "OR"]);
    for (const t of defaultGlossary().terms) {
      for (const form of [t.en, t.fr, ...t.enVariants, ...t.frVariants]) {
        if (/\p{Ll}/u.test(form)) continue;
        expect(words.has(form), form).toBe(false);
        expect(form.replace(/\P{L}/gu, "").length > 2 || codes.has(form), form).toBe(true);
      }
    }
  });
});
