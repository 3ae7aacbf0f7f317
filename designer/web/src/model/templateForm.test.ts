import { describe, expect, it } from 'vitest';
import { checkField, checkForm, controlOf, defaultText, initialValues, instantiateBody, sortProblems, type TemplateParameter } from './templateForm';

const erp: TemplateParameter = { name: 'erpConnection', kind: 'connection', title: 'NetSuite connection', description: '', connectionType: 'netsuite', required: true };
const rateCard: TemplateParameter = { name: 'rateCard', kind: 'json', title: 'Rate card', description: '', required: true };
const subsidiary: TemplateParameter = { name: 'subsidiary', kind: 'json', title: 'Subsidiary', description: '', default: { id: '1' }, required: false };
const cron: TemplateParameter = { name: 'cron', kind: 'cron', title: 'When to sync', description: '', default: '0 30 5 ? * *', required: false };
const rounding: TemplateParameter = { name: 'roundingMinutes', kind: 'number', title: 'Rounding', description: '', default: 15, required: false };
const zone: TemplateParameter = { name: 'timeZone', kind: 'timeZone', title: 'Time zone', description: '', default: 'Europe/London', required: false };
const all = [erp, rateCard, subsidiary, cron, rounding, zone];
const connections = [
  { id: 'netsuite-prod', type: 'netsuite' },
  { id: 'tryton-local', type: 'tryton' },
];

describe('controlOf', () => {
  it('gives connections a select, JSON a textarea, cron its hint and the rest text', () => {
    expect(all.map(controlOf)).toEqual(['connection', 'json', 'json', 'cron', 'number', 'text']);
    expect(controlOf({ ...zone, kind: 'somethingNew' })).toBe('text');
  });
});

describe('initialValues', () => {
  it('starts from the defaults, JSON indented and numbers as text', () => {
    const values = initialValues(all, []);
    expect(values.subsidiary).toBe('{\n  "id": "1"\n}');
    expect(values.cron).toBe('0 30 5 ? * *');
    expect(values.roundingMinutes).toBe('15');
    expect(values.rateCard).toBe('');
  });

  it('chooses the only connection of the wanted type, and none when there is a choice', () => {
    expect(initialValues([erp], connections).erpConnection).toBe('netsuite-prod');
    expect(initialValues([erp], [...connections, { id: 'netsuite-sandbox', type: 'netsuite' }]).erpConnection).toBe('');
  });

  it('keeps a default of null empty', () => {
    expect(defaultText({ ...rateCard, default: null })).toBe('');
  });
});

describe('checkField', () => {
  it('names a missing required value and lets an optional one fall back to its default', () => {
    expect(checkField(rateCard, '  ', connections)).toBe('Rate card is required.');
    expect(checkField(rounding, '', connections)).toBeNull();
  });

  it('refuses JSON that does not parse, with the parser reason', () => {
    expect(checkField(rateCard, '{ "id": ', connections)).toMatch(/^Rate card is not valid JSON: /);
    expect(checkField(rateCard, '{ "id": "standard-2026" }', connections)).toBeNull();
  });

  it('refuses a number that is not one and a cron with the wrong number of fields', () => {
    expect(checkField(rounding, 'quarter', connections)).toBe('Rounding must be a number.');
    expect(checkField(rounding, '7.5', connections)).toBeNull();
    expect(checkField(cron, '30 5 * * *', connections)).toBe('When to sync has 5 fields; a Quartz cron has 6 or 7 (it starts with seconds).');
    expect(checkField(cron, '0 30 5 ? * MON-FRI', connections)).toBeNull();
  });

  it('refuses an unknown connection or one of another type, and leaves it to the server when connections are not listed', () => {
    expect(checkField(erp, 'netsuite-dev', connections)).toBe("There is no connection 'netsuite-dev'.");
    expect(checkField(erp, 'tryton-local', connections)).toBe("'tryton-local' is a tryton connection; NetSuite connection needs a netsuite connection.");
    expect(checkField(erp, 'netsuite-prod', connections)).toBeNull();
    expect(checkField(erp, 'anything', null)).toBeNull();
  });
});

describe('checkForm', () => {
  it('reports every field at once', () => {
    const errors = checkForm(all, { ...initialValues(all, []), roundingMinutes: 'x' }, connections);
    expect(Object.keys(errors).sort()).toEqual(['erpConnection', 'rateCard', 'roundingMinutes']);
  });
});

describe('instantiateBody', () => {
  it('sends filled fields as trimmed text and leaves empty ones out so defaults apply', () => {
    const body = instantiateBody(all, { erpConnection: ' netsuite-prod ', rateCard: '{"id":"r"}', subsidiary: '', cron: '0 0 6 ? * *', roundingMinutes: '6' });
    expect(body).toEqual({ parameters: { erpConnection: 'netsuite-prod', rateCard: '{"id":"r"}', cron: '0 0 6 ? * *', roundingMinutes: '6' } });
  });
});

describe('sortProblems', () => {
  it("puts each server problem next to its parameter's field and the rest above the form", () => {
    const sorted = sortProblems(all, [
      { code: 'parameter.required', parameter: 'rateCard', message: "template 'x' needs parameter 'rateCard' (Rate card)" },
      { code: 'parameter.unknownConnection', parameter: 'erpConnection', message: "parameter 'erpConnection' names connection 'gone', which does not exist." },
      { code: 'activity.unknownType', parameter: null, message: "unknown activity type 'acme.post'" },
      { code: 'parameter.unknown', parameter: 'colour', message: "template 'x' has no parameter 'colour'" },
    ]);
    expect(sorted.fields).toEqual({
      rateCard: "Template 'x' needs parameter 'rateCard' (Rate card).",
      erpConnection: "Parameter 'erpConnection' names connection 'gone', which does not exist.",
    });
    expect(sorted.general).toEqual(["Unknown activity type 'acme.post'.", "Template 'x' has no parameter 'colour'."]);
  });
});
