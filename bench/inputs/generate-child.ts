/** Child process: writes one dossier (spec as JSON in argv[2]) to argv[3]; prints what it wrote as JSON. */
import { writeDossierFile, type DossierSpec } from '../../src/mock-portal/dossier';

const [specJson, filePath] = process.argv.slice(2);
if (!specJson || !filePath) throw new Error('usage: generate-child <spec-json> <file>');
const written = await writeDossierFile(JSON.parse(specJson) as DossierSpec, filePath);
process.stdout.write(JSON.stringify(written));
