export { DatasetMap, type DatasetMapProps } from './DatasetMap';
export {
  datasetMapPoints,
  datasetMapEntries,
  DATASET_MAP_RADICALS,
  type DatasetMapEntry,
  type DatasetMapRadical,
  type DatasetMapPointsOptions,
} from './datasetMapData';
