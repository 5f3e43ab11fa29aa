// Rows for the `currency` and `country` reference tables, which the migrations create empty
// (Medusa filled them at startup). Names and symbols come from the ICU data Node ships, so no
// list of 180 currencies lives in this repository.

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166 codes that name no country: user-assigned ranges, and reserved ones ICU still names. */
const notCountries = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|UK)$/;

export function isCurrencyCode(code: string): boolean {
  return knownCurrencies.has(code.toUpperCase());
}

export function isCountryCode(code: string): boolean {
  const upper = code.toUpperCase();
  return !notCountries.test(upper) && regionNames.of(upper) !== undefined;
}

export interface CurrencyRow {
  code: string;
  symbol: string;
  symbol_native: string;
  name: string;
}

export function currencyRow(code: string): CurrencyRow {
  const upper = code.toUpperCase();
  return {
    code: code.toLowerCase(),
    symbol: currencySymbol(upper, 'symbol'),
    symbol_native: currencySymbol(upper, 'narrowSymbol'),
    name: currencyNames.of(upper) ?? upper,
  };
}

function currencySymbol(code: string, display: 'symbol' | 'narrowSymbol'): string {
  const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: display }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? code;
}

export interface CountryRow {
  iso_2: string;
  /** Medusa keeps an upper-case `name` beside the `display_name` */
  name: string;
  display_name: string;
}

export function countryRow(iso2: string): CountryRow {
  const displayName = regionNames.of(iso2.toUpperCase()) ?? iso2.toUpperCase();
  return { iso_2: iso2.toLowerCase(), name: displayName.toUpperCase(), display_name: displayName };
}
