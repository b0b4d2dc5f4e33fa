// A delivery worker in its own process, for the kill -9 test: sends every due message of the database.
import { MailDelivery, openDatabase } from '../dist/index.js';

const [url, smtpUrl] = process.argv.slice(2);
const database = await openDatabase({ url });
const mail = new MailDelivery({ db: database.db, clock: () => new Date(), smtpUrl, from: 'Mentoring <mentoring@example.edu>', batchSize: 20 });
process.stdout.write('ready\n');
await mail.deliverDue();
mail.close();
await database.close();
