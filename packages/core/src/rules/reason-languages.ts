import { DEFAULT_FACT_LABELS, DEFAULT_REASON_MESSAGES, type ReasonMessages } from './reasons.js';

/** The words of eligibility explanations in one language: the reasons' templates and the names of facts. */
export interface ReasonLanguage {
  /** Templates keyed like {@link DEFAULT_REASON_MESSAGES}. */
  messages: ReasonMessages;
  /** Words for fact names (`role` → "puesto"). */
  factLabels: Readonly<Record<string, string>>;
}

export const ENGLISH_REASONS: ReasonLanguage = {
  messages: DEFAULT_REASON_MESSAGES,
  factLabels: { role: 'role', field: 'field or discipline', department: 'department', institution: 'institution', ...DEFAULT_FACT_LABELS },
};

/**
 * Spanish. Like the English templates, a refusal says what the rule asks for, then what the person told
 * us; the sentences are built so that no word has to agree in gender with the fact's name.
 */
export const SPANISH_REASONS: ReasonLanguage = {
  messages: {
    'no-rule': 'Abierto a todas las personas.',
    'fact-matched': 'Tu {fact} es {actual}, como se requiere.',
    'fact-matched:broader': 'Tu {fact}, {actual}, forma parte de {via}.',
    'fact-matched:equals': 'Tu {fact} es {expected}.',
    'fact-matched:not-equals': 'Tu {fact} es {actual}, no {expected}.',
    'fact-matched:in': 'Tu {fact} es {actual}, una de estas opciones: {expected}.',
    'fact-matched:not-in': 'Tu {fact} es {actual}, ninguna de estas opciones: {expected}.',
    'fact-matched:exists': 'Indicaste tu {fact}.',
    'fact-matched:not-exists': 'No se indica {fact}.',
    'fact-matched:at-least': 'Tu {fact} es {actual}, al menos {expected}.',
    'fact-matched:at-most': 'Tu {fact} es {actual}, como máximo {expected}.',
    'fact-not-matched': 'Nos indicaste que tu {fact} es {actual}, que no cumple el requisito.',
    'fact-not-matched:broader': 'Nos indicaste que tu {fact} es {actual}, que forma parte de {via}; esto no está abierto a {via}.',
    'fact-not-matched:equals': 'Esto requiere que tu {fact} sea {expected}; nos indicaste que es {actual}.',
    'fact-not-matched:not-equals': 'Nos indicaste que tu {fact} es {actual}; esto no está abierto cuando es {expected}.',
    'fact-not-matched:in': 'Esto requiere que tu {fact} sea una de estas opciones: {expected}; nos indicaste que es {actual}.',
    'fact-not-matched:not-in': 'Nos indicaste que tu {fact} es {actual}; esto no está abierto cuando es una de estas opciones: {expected}.',
    'fact-not-matched:exists': 'Esto pide tu {fact}, que no has indicado.',
    'fact-not-matched:not-exists': 'Esto es para quien no indica {fact}; nos indicaste que tu {fact} es {actual}.',
    'fact-not-matched:at-least': 'Esto requiere que tu {fact} sea al menos {expected}; nos indicaste que es {actual}.',
    'fact-not-matched:at-most': 'Esto requiere que tu {fact} sea como máximo {expected}; nos indicaste que es {actual}.',
    'fact-missing': 'Indica tu {fact} para poder comprobarlo.',
    'fact-invalid': 'Nos indicaste que tu {fact} es {actual}, que no es un número.',
    'all-matched': 'Se cumplen todos los requisitos.',
    'all-failed': 'No se cumplen {count} de {total} requisitos.',
    'all-unknown': 'Necesitamos más información para decidir.',
    'any-matched': 'Se cumple al menos una de las alternativas.',
    'any-failed': 'No se cumple ninguna de las {total} alternativas.',
    'any-unknown': 'Necesitamos más información para decidir.',
    'not-matched': 'No se da ninguna condición excluida.',
    'not-failed': 'Se da una condición excluida.',
    'not-unknown': 'Necesitamos más información para decidir.',
    'tier-matched': 'Estás en el grupo de prioridad {rank}: {tier}.',
    'tier-undecided': 'Indica tu {missing} para comprobar si {tier} te corresponde.',
    'no-tier': 'No te corresponde ningún grupo de prioridad; estás en el grupo general.',
  },
  factLabels: {
    role: 'puesto',
    field: 'área o disciplina',
    department: 'departamento',
    institution: 'institución',
    emailDomain: 'dominio de correo',
    careerStage: 'etapa profesional',
    yearsInRole: 'antigüedad en el puesto',
  },
};

const LANGUAGES: Readonly<Record<string, ReasonLanguage>> = { en: ENGLISH_REASONS, es: SPANISH_REASONS };

/**
 * The explanation options for a BCP 47 language (`es-MX` → Spanish; a language without templates →
 * English), to spread into `evaluateEligibility`'s options: `evaluateEligibility(rule, facts,
 * { ...reasonsIn(catalog.language), vocabularies })`. Labels given after the spread (a catalog's own words
 * for its terms) take precedence over the fact names.
 */
export function reasonsIn(language: string): { messages: ReasonMessages; labels: Readonly<Record<string, string>> } {
  const chosen = LANGUAGES[language.toLowerCase().split(/[-_]/)[0] ?? ''] ?? ENGLISH_REASONS;
  return { messages: chosen.messages, labels: chosen.factLabels };
}
