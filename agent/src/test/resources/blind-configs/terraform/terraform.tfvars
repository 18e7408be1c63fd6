# Production workspace - companyos on AWS
region       = "eu-central-1"
environment  = "prod"
cluster_name = "companyos-prod"

vpc_cidr        = "10.20.0.0/16"
private_subnets = ["10.20.0.0/19", "10.20.32.0/19", "10.20.64.0/19"]

db_instance_class = "db.r6g.xlarge"
db_username       = "«user|companyos_admin»"
db_password       = "«secret|Tf-Rds-M4ster!Pw»"

route53_zone      = "«host|acme-corp.com»"
public_hostname   = "«host|os.acme-corp.com»"
admin_cidrs       = ["«ipv4|203.0.113.24»/32", "«ipv4|198.51.100.7»/32"]

datadog_api_key = "«secret|3f8c2a9e1b7d4c6f0a5e9b2d8c1f7a3e»"
datadog_app_key = "«secret|9d2b7f4e1c8a6d3b0f5e2c9a7d4b1e8f6c3a0d5b»"
pagerduty_token = "«secret|u+Ab3Cd5Ef7Gh9Ij1Kl»"

github_oauth_token = "«token|gho_Pq9Rs8Tu7Vw6Xy5Za4Bc3De2Fg1Hi0Jk9Lm»"

tags = {
  Owner      = "«email|platform@acme-corp.com»"
  CostCenter = "CC-4711"
  ManagedBy  = "terraform"
}
