// Entry point of the Function App (package.json "main" → dist/functions/{index.js,http/*.js,timers/*.js},
// the v4 model's glob: every function file registers itself). Importing the
// route table imports every function file, whose app.http call registers it with the host.
export { ROUTES } from './routes';
// Timers are not routes: importing the file registers them with app.timer.
import './timers/semester-sampling';
