import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM only. Lit's style-map directive writes a `style`
 * attribute on first render, which a strict Content-Security-Policy (style-src 'self', no
 * 'unsafe-inline') refuses; `element.style.setProperty` is always allowed.
 * Bind it to any attribute name that is not `style`, e.g. `data-style=${styleProps({...})}`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE) throw new Error('styleProps belongs in an attribute binding.');
  }

  render(_properties: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string>>]) {
    const style = part.element.style;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
