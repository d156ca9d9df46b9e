import { expect } from '@esm-bundle/chai';
import { str, translator } from '../../src/i18n/template.js';

/** The lookup messages.ts makes per locale: a locale's template names the Dutch message's values by position. */
describe('message templates', () => {
  const msg = translator({
    plain: 'Close',
    summary: str`${0} → ${1}`,
    // A language that says the values the other way round.
    swapped: str`${1}, in ${0}`,
  });

  it('answers with the translation, its values taken by position from the Dutch', () => {
    expect(msg('Sluiten', { id: 'plain' })).to.equal('Close');
    expect(msg(str`${'eLien'} → ${'Afdeling 1'}`, { id: 'summary' })).to.equal('eLien → Afdeling 1');
    expect(msg(str`${'Stap 2'} van ${'de flow'}`, { id: 'swapped' })).to.equal('de flow, in Stap 2');
  });

  it('says a message the locale lacks in Dutch, values and all', () => {
    expect(msg('Terug', { id: 'back' })).to.equal('Terug');
    expect(msg(str`Stap ${2} van ${5}`, { id: 'stepCount' })).to.equal('Stap 2 van 5');
  });
});
