// Entry point of the Function App (package.json "main" → dist/functions/{index.js,http/*.js,timers/*.js},
// the v4 model's glob: every function file registers itself). Importing the route table imports
// every function file, whose app.http call registers it with the host; the host's dependencies
// (clock, storage, auth) are built from its app settings on first use (hostDeps in
// functions/lib/deps.ts).
export { ROUTES, buildRoutes } from './routes';
// Timers are not routes: importing the file registers them with app.timer.
import './timers/semester-sampling';
