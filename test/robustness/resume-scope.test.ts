/**
 * Several elements on one page: each keeps its own resume record. The key is the api-base, plus
 * the element's id when it has one, else its position among the elements on that api-base.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define.js';
import { resumeScope } from '../../src/resume-storage.js';

const place = (markup: string) => {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  return { box, elements: Array.from(box.querySelectorAll('autopilot-connect')) };
};

describe('which resume record an element keeps', () => {
  let box: HTMLElement | null = null;
  afterEach(() => box?.remove());

  it('the first element on an api-base keeps the plain api-base; the next ones add their position', () => {
    const placed = place(`
      <autopilot-connect api-base="/a"></autopilot-connect>
      <autopilot-connect api-base="/b"></autopilot-connect>
      <autopilot-connect api-base="/a"></autopilot-connect>
      <autopilot-connect api-base="/a"></autopilot-connect>`);
    box = placed.box;
    expect(placed.elements.map((element) => resumeScope(element, element.getAttribute('api-base')!))).to.deep.equal(['/a', '/b', '/a@1', '/a@2']);
  });

  it('an id names the record, whatever the element’s position', () => {
    const placed = place(`
      <autopilot-connect api-base="/a" id="second"></autopilot-connect>
      <autopilot-connect api-base="/a" id="first"></autopilot-connect>`);
    box = placed.box;
    expect(placed.elements.map((element) => resumeScope(element, '/a'))).to.deep.equal(['/a#second', '/a#first']);
  });

  it('counts the elements in its own shadow root, not the page’s', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<autopilot-connect api-base="/a"></autopilot-connect><autopilot-connect api-base="/a"></autopilot-connect>';
    box = place('<autopilot-connect api-base="/a"></autopilot-connect>').box;
    box.append(host);
    expect(Array.from(root.querySelectorAll('autopilot-connect')).map((element) => resumeScope(element, '/a'))).to.deep.equal(['/a', '/a@1']);
  });
});
