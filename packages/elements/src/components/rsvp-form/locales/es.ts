import type { ReasonMessages } from '@mentorkit/core/browser';

/**
 * Spanish templates for core's eligibility reasons ({fact}, {actual}, … placeholders), keyed like core's
 * DEFAULT_REASON_MESSAGES (English). Loaded with the rest of the Spanish messages, only by pages that
 * need them (src/internal/localize.ts).
 */
export const reasonMessages: ReasonMessages = {
  'no-rule': 'Abierto a todas las personas.',
  'fact-matched': 'Tu {fact} es {actual}, como se requiere.',
  'fact-matched:broader': 'Tu {fact}, {actual}, forma parte de {via}.',
  'fact-matched:equals': 'Tu {fact} es {expected}.',
  'fact-matched:not-equals': 'Tu {fact} es {actual}, no {expected}.',
  'fact-matched:in': 'Tu {fact} es {actual}, uno de: {expected}.',
  'fact-matched:not-in': 'Tu {fact} es {actual}, no uno de: {expected}.',
  'fact-matched:exists': 'Indicaste tu {fact}.',
  'fact-matched:not-exists': 'No se indica {fact}.',
  'fact-matched:at-least': 'Tu {fact} es {actual}, al menos {expected}.',
  'fact-matched:at-most': 'Tu {fact} es {actual}, como máximo {expected}.',
  'fact-not-matched': 'Tu {fact} es {actual}, que no cumple el requisito.',
  'fact-not-matched:broader': 'Tu {fact}, {actual}, forma parte de {via}, que está excluido.',
  'fact-not-matched:equals': 'Tu {fact} es {actual}, no {expected}.',
  'fact-not-matched:not-equals': 'Tu {fact} no puede ser {expected}.',
  'fact-not-matched:in': 'Tu {fact} es {actual}, no uno de: {expected}.',
  'fact-not-matched:not-in': 'Tu {fact} es {actual}, que está excluido.',
  'fact-not-matched:exists': 'No se indica {fact}.',
  'fact-not-matched:not-exists': 'No debes indicar {fact}.',
  'fact-not-matched:at-least': 'Tu {fact} es {actual}, menos de {expected}.',
  'fact-not-matched:at-most': 'Tu {fact} es {actual}, más de {expected}.',
  'fact-missing': 'Indica tu {fact} para poder comprobarlo.',
  'fact-invalid': 'Tu {fact}, {actual}, no es un número.',
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
};
