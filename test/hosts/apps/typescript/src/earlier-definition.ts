/** An earlier copy of the element on the page: the tag is taken before this package's define.js runs. */
class EarlierAutopilotConnect extends HTMLElement {
  static version = '0.0.1-earlier';
}

customElements.define('autopilot-connect', EarlierAutopilotConnect);
