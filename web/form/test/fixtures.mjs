// The shipped raid questionnaire, read from its YAML as the Java loader reads it (YAML 1.1), for
// the Node tests: what /form/api/open serves.
import { load, YAML11_SCHEMA } from "js-yaml";
import { readFileSync } from "node:fs";

const folder = new URL("../../../config/src/main/resources/questionnaires/raid/", import.meta.url);
const yaml = (name) => load(readFileSync(new URL(name, folder), "utf8"), { schema: YAML11_SCHEMA });

export const questionnaire = () => yaml("questionnaire.yaml");
export const texts = (language) => yaml(`text/${language}.yaml`);
