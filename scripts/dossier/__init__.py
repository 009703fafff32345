"""Big Tech in Health: the pipeline that turns raw article files into the dossier's pages.

The stages, each a function from the typed records in `records` to the next:

1. ingest (`sources` reads `seeds/articles/` safely; `ingest` decodes, weighing encodings by
   `plausibility`);
2. clean (`clean`, with `article_location`, `line_rules`, `block_parsing`, the signals of `furniture`
   (a menu's shape in `menus`) and the vocabulary `cleaning_vocabulary` loads, its whole-line lists
   indexed by `line_patterns`; hard-wrapped text read by `wrapping`), then duplicates (`dedupe`);
3. detect (`detect`: language and Chinese script);
4. normalize (`normalize`: every Chinese article in both scripts, through `chinese`);
5. metadata (`metadata`: what `page_facts` and `page_authors` read on the zones of `page_layout`, from the
   signals of `datelines`, `text_dates` (era-counted years in `era_dates`), `bylines` and `name_lines` (names' shapes in
   `person_names`, several people in `people`, places in `places`), `outlets`, `meta_lines` and
   `meta_vocabulary`, under the curation `article_curation` loads; ids from `article_ids`);
6. link (`link`: the entities of `registry`, loaded by `registry_loader`, matched as `entity_names`
   says), then quote (`quotations`: what each article says about each entity it names);
7. render (`render`: article pages through `article_html`, `citation`, `front_matter` and `urls`; the
   profiles of `profiles`, `timeline` and `graph` (laid out by `graph_layout`, text measured by
   `figure_text`); long lists in pages by `listings`; the build report by `report_pages`; `data_files`;
   reuse across rebuilds in `page_memo`), then search (`search_pages`, `search_text`, `stemming`,
   `search_index` (its byte format in `search_encoding`), `search_site`, `search_worker`).

`pipeline` runs the stages in order over every file, mapping the per-article `work_units` over the
process pool of `parallel` (or a Dask cluster, `cluster`) and the result cache of `result_cache`;
`attention` lists what a maintainer should look at;
`plugin` is the MkDocs plugin that hands the result to MkDocs (the pages written out by `staging`, their
Files kept from build to build by `generated_files`, which holds back the unchanged ones under
`serve --dirty`), with `csp`
for its Content-Security-Policy and `collector` to keep what it holds out of the garbage collector's walks
(and the pipeline's process from running the collector while the workers' results come in).
Shared by every stage: `characters` (character classes), `sentences` (sentence boundaries),
`thresholds` (every threshold, named), `curated_yaml` (curated YAML under `seeds/`, loaded and
validated). `evaluation` measures the pipeline on the gold-annotated development set (`make eval`);
`project_config` writes the mkdocs.yml of a project elsewhere (tests, the benchmark).
"""
