/** The console's entry: defines <mk-console> and its views. */
import './console-app.js';
