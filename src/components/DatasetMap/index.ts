export { DatasetMap, type DatasetMapProps } from './DatasetMap';
export { useDatasetMap, computeDatasetMap, type DatasetMapModel, type DatasetMapPlotPoint, type DatasetMapLegendItem } from './useDatasetMap';
export {
  datasetMapPoints,
  datasetMapEntries,
  DATASET_MAP_RADICALS,
  type DatasetMapEntry,
  type DatasetMapRadical,
  type DatasetMapPointsOptions,
} from './datasetMapData';
