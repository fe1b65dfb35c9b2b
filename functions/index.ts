// Entry point of the Function App (package.json "main" → dist/functions/index.js): importing the
// route table imports every function file, whose app.http call registers it with the host.
export { ROUTES } from './routes';
// Timers are not routes: importing the file registers them with app.timer.
import './timers/semester-sampling';
