/** The built-in rubrics, transcribed from the source documents. Their ids are part of the interface. */
import community2009 from "./community-2009.json";
import village2006 from "./village-2006.json";
import districtTargets2009 from "./district-targets-2009.json";
import street2013 from "./street-2013.json";

export const BUILTIN_RUBRICS: ReadonlyArray<unknown> = [community2009, village2006, districtTargets2009, street2013];

export const BUILTIN_IDS = ["community-2009", "village-2006", "district-targets-2009", "street-2013"] as const;
