package dev.cartera.core.campaign;

public enum CampaignStatus {
    PLANNED, ACTIVE, COMPLETED, CANCELLED
}
