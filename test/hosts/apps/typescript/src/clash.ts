// Module order is evaluation order: the earlier definition runs first.
import './earlier-definition.js';
import 'autopilot-connect/define.js';

const done = document.createElement('p');
done.id = 'after-define';
done.textContent = 'define.js loaded';
document.body.append(done);
